package dev.parley.rtp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic network trace for jitter buffer tests: 20 ms packets of an 8 kHz stream with a given
 * one-way delay distribution, loss, reordering, sender clock drift and talkspurts. Deterministic for
 * a seed.
 */
record ArrivalTrace(String name, List<Arrival> arrivals, int sent) {

    record Arrival(long atNanos, int seq, int timestamp, boolean marker) {
    }

    /** Trace parameters; jitter is the σ of a half-normal extra delay on top of a 40 ms base. */
    record Spec(String name, double jitterMs, double lossPercent, boolean burstLoss, double reorderPercent,
            double driftPpm, boolean talkspurts, boolean spikes) {
    }

    static ArrivalTrace generate(Spec spec, int packets, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Arrival> out = new ArrayList<>(packets);
        double frameMs = 20.0 * (1 + spec.driftPpm() / 1e6); // sender's 20 ms in receiver time
        boolean inBurst = false;
        int sent = 0;
        int ts = 0x7FFF_F000; // crosses the 32-bit wrap early
        int seq = 65_000; // crosses the 16-bit wrap early
        boolean startOfSpurt = true;
        double spikeUntil = -1;
        for (int i = 0; i < packets; i++) {
            double sendMs = i * frameMs;
            int frameTs = ts + i * 160;
            if (spec.talkspurts()) {
                int phase = i % 125; // 1.6 s of speech, then 0.9 s of silence
                if (phase >= 80) {
                    startOfSpurt = true;
                    continue;
                }
            }
            boolean marker = startOfSpurt;
            startOfSpurt = false;
            int mySeq = seq++ & 0xFFFF;
            sent++;
            boolean lost;
            if (spec.burstLoss()) {
                // Gilbert model: enter a burst with p, stay with 0.6 (mean burst 2.5 packets).
                double enter = spec.lossPercent() / 100 / 2.5 / (1 - spec.lossPercent() / 100);
                inBurst = inBurst ? rnd.nextDouble() < 0.6 : rnd.nextDouble() < enter;
                lost = inBurst;
            } else {
                lost = rnd.nextDouble() < spec.lossPercent() / 100;
            }
            if (lost) {
                continue;
            }
            double extra = Math.abs(rnd.nextGaussian()) * spec.jitterMs();
            if (spec.spikes()) {
                if (spikeUntil < sendMs && rnd.nextDouble() < 0.002) {
                    spikeUntil = sendMs + 600; // a 600 ms route change adding 150 ms
                }
                if (sendMs < spikeUntil) {
                    extra += 150;
                }
            }
            if (rnd.nextDouble() < spec.reorderPercent() / 100) {
                extra += 45; // overtaken by the next two packets
            }
            double at = sendMs + 40 + extra;
            out.add(new Arrival((long) (at * 1_000_000L), mySeq, frameTs, marker));
        }
        out.sort(Comparator.comparingLong(Arrival::atNanos));
        return new ArrivalTrace(spec.name(), out, sent);
    }

    /** The outcome of playing a trace through a buffer with 20 ms ticks of a fixed phase. */
    record Result(JitterBufferStats stats, int sent) {
        double lateLossPercent() {
            return 100.0 * stats.late() / sent;
        }

        double averageDelayMs() {
            return stats.averageDelayNanos() / 1e6;
        }
    }

    Result play(JitterBufferConfig config) {
        JitterBuffer jb = new JitterBuffer(config);
        byte[] payload = new byte[160];
        int next = 0;
        long end = arrivals.get(arrivals.size() - 1).atNanos() + 2_000_000_000L;
        for (long tick = 7_000_000L; tick < end; tick += 20_000_000L) {
            while (next < arrivals.size() && arrivals.get(next).atNanos() <= tick) {
                Arrival a = arrivals.get(next++);
                jb.put(a.timestamp(), a.marker(), payload, 0, payload.length, a.atNanos());
            }
            jb.take(tick);
        }
        return new Result(jb.stats(), sent);
    }
}
