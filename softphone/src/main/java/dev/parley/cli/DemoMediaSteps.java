package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.CallState;
import dev.parley.ua.MediaStatistics;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * The media steps of {@code parley demo} and their checks: a party's tone is heard by the other
 * (recognised by a {@link ToneProbe}), hold stops the RTP and resume restarts it (RFC 3264 §8.4),
 * and RTCP reports give a round-trip time (RFC 3550 §6.4.1). Every wait is bounded by the
 * scenario's deadline.
 */
final class DemoMediaSteps {

    /** How long after the answer the demo waits, at most, for an RTCP round-trip time. */
    static final long RTCP_WAIT_MILLIS = 10_000;

    private final List<DemoCheck> checks;
    /** A step's wanted wait in milliseconds → what the demo's deadline still allows of it. */
    private final LongUnaryOperator deadline;

    DemoMediaSteps(List<DemoCheck> checks, LongUnaryOperator deadline) {
        this.checks = checks;
        this.deadline = deadline;
    }

    void heard(DemoParty listener, Call call, DemoParty speaker) {
        ToneProbe probe = listener.probe(call);
        long ms = probe == null ? -1 : probe.awaitHeard(speaker.toneKey, deadline.applyAsLong(5_000));
        checks.add(DemoCheck.of(listener.name + " hears " + speaker.name + "'s tone", ms >= 0,
                ms >= 0 ? ToneProbe.describe(speaker.toneKey) + " recognised after " + ms + " ms"
                        : "not recognised; heard '" + (probe == null ? "" : probe.keysHeard()) + "'"));
    }

    void roundTrip(Call aliceCall, Call bobCall, long answeredAt) {
        long until = answeredAt + RTCP_WAIT_MILLIS * 1_000_000;
        while (!rttKnown(aliceCall) && !rttKnown(bobCall) && System.nanoTime() < until && deadline.applyAsLong(50) > 0) {
            Sleeper.sleepMillis(50);
        }
        Optional<MediaStatistics> a = aliceCall.mediaStatistics();
        Optional<MediaStatistics> b = bobCall.mediaStatistics();
        boolean both = a.isPresent() && b.isPresent() && a.get().rtcpReceived() > 0 && b.get().rtcpReceived() > 0;
        checks.add(DemoCheck.of("RTCP reports flow both ways; round-trip time measured", both && (rttKnown(aliceCall) || rttKnown(bobCall)),
                "alice " + rtt(a) + ", bob " + rtt(b)));
    }

    private static boolean rttKnown(Call call) {
        return call.mediaStatistics().map(MediaStatistics::roundTripKnown).orElse(false);
    }

    private static String rtt(Optional<MediaStatistics> s) {
        if (s.isEmpty()) {
            return "no media";
        }
        return s.get().rtcpReceived() + " RTCP received, rtt "
                + (s.get().roundTripKnown() ? String.format(java.util.Locale.ROOT, "%.2f ms", s.get().roundTripMillis()) : "n/a");
    }

    void holdAndResume(DemoParty alice, Call aliceCall, DemoParty bob, Call bobCall) {
        boolean held = Bounded.await(aliceCall.hold().toCompletableFuture(), deadline.applyAsLong(DemoScenario.STEP_MILLIS));
        boolean bobHeld = held && bob.awaitState(bobCall, CallState.REMOTE_HOLD, deadline.applyAsLong(2_000));
        checks.add(DemoCheck.of("alice holds: alice LOCAL_HOLD, bob REMOTE_HOLD", held && aliceCall.state() == CallState.LOCAL_HOLD && bobHeld,
                "alice " + aliceCall.state() + ", bob " + bobCall.state()));
        if (!held) {
            return;
        }
        // Packets already on their way when bob stopped may still be counted by a busy media
        // thread: wait (at most 1 s) until the counter stands still for 100 ms, then count.
        long before = received(aliceCall);
        for (int i = 0; i < 10; i++) {
            Sleeper.sleepMillis(100);
            long now = received(aliceCall);
            if (now == before) {
                break;
            }
            before = now;
        }
        Sleeper.sleepMillis(Math.min(600, deadline.applyAsLong(600)));
        long during = received(aliceCall) - before;
        checks.add(DemoCheck.of("no RTP reaches alice while held", before >= 0 && during == 0,
                during + " packets in 600 ms (RTP counter " + before + " → " + (before + during) + ")"));
        boolean resumed = Bounded.await(aliceCall.unhold().toCompletableFuture(), deadline.applyAsLong(DemoScenario.STEP_MILLIS));
        boolean bobBack = resumed && bob.awaitState(bobCall, CallState.CONNECTED, deadline.applyAsLong(2_000));
        long after = received(aliceCall);
        long until = System.nanoTime() + deadline.applyAsLong(3_000) * 1_000_000;
        while (resumed && received(aliceCall) - after < 10 && System.nanoTime() < until) {
            Sleeper.sleepMillis(20);
        }
        long flowing = received(aliceCall) - after;
        checks.add(DemoCheck.of("alice resumes: both CONNECTED, RTP flows again", resumed && bobBack
                        && aliceCall.state() == CallState.CONNECTED && flowing >= 10,
                "alice " + aliceCall.state() + ", bob " + bobCall.state() + ", " + flowing + " packets since"));
    }

    private static long received(Call call) {
        return call.mediaStatistics().map(MediaStatistics::packetsReceived).orElse(-1L);
    }
}
