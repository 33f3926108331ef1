package dev.parley.ua.internal.media;

import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import java.util.function.BooleanSupplier;

/**
 * N−1 mixing of a local conference: each 20 ms cycle takes one frame from every participant (and
 * from the local user's source), and gives every participant the saturated sum of all the others,
 * and the local user's sink the sum of all participants.
 *
 * <p><b>Clock.</b> There is no timer of its own: the participants' media ticks drive it. A cycle
 * is mixed as soon as every participant delivered its frame, or when a participant delivers its
 * next frame before the others did (the missing ones count as silence), so the conference runs at
 * the pace of the fastest leg and a silent or dead leg never stalls it. With no participant, no
 * cycle runs (the local source is not read).
 *
 * <p><b>Arithmetic.</b> Contributions are summed in {@code int}, and each listener's frame is
 * {@code total − own contribution}, clamped once to [−32768, 32767]: the result is the exact sum
 * of the others, saturated (never the wrap-around of 16-bit overflow). A muted participant and a
 * participant on hold contribute nothing; a participant on hold is also sent silence.
 *
 * <p>Thread-safe (one lock, held briefly on the media thread); after {@link #join} nothing is
 * allocated per frame. The number of participants is bounded.
 */
public final class ConferenceMixer {

    private final int rate;
    private final int frame;
    private final MixLeg[] legs;
    private int count;
    private final int[] total;
    private final short[] localIn;
    private final short[] localOut;
    private AudioSource localSource;
    private AudioSink localSink;
    private long cycles;

    /**
     * @param sampleRate      the mixing rate: 8000 or 16000 Hz
     * @param maxParticipants the bound on {@link #join}
     */
    public ConferenceMixer(int sampleRate, int maxParticipants) {
        if (sampleRate != 8000 && sampleRate != 16000) {
            throw new IllegalArgumentException("a conference mixes at 8000 or 16000 Hz, not " + sampleRate);
        }
        if (maxParticipants < 1) {
            throw new IllegalArgumentException("maxParticipants " + maxParticipants);
        }
        this.rate = sampleRate;
        this.frame = AudioSource.frameSamples(sampleRate);
        this.legs = new MixLeg[maxParticipants];
        this.total = new int[frame];
        this.localIn = new short[frame];
        this.localOut = new short[frame];
    }

    public int sampleRate() {
        return rate;
    }

    /**
     * Adds a participant. {@code held} is asked once per cycle whether its call is on hold.
     *
     * @throws IllegalStateException when the conference is full
     */
    public synchronized MixLeg join(BooleanSupplier held) {
        if (count == legs.length) {
            throw new IllegalStateException("the conference is full (" + legs.length + " participants)");
        }
        MixLeg leg = new MixLeg(this, frame, held);
        legs[count++] = leg;
        return leg;
    }

    /** Removes a participant; its frame of the current cycle is dropped. Idempotent. */
    public synchronized void leave(MixLeg leg) {
        for (int i = 0; i < count; i++) {
            if (legs[i] == leg) {
                System.arraycopy(legs, i + 1, legs, i, count - i - 1);
                legs[--count] = null;
                leg.left = true;
                leg.clearOut();
                return;
            }
        }
    }

    /** Sets what the local user says (read at the mixing rate); returns the previous source. */
    public synchronized AudioSource localSource(AudioSource source) {
        AudioSource old = localSource;
        localSource = source;
        return old;
    }

    /** Sets where the local user hears the participants (written at the mixing rate); returns the previous sink. */
    public synchronized AudioSink localSink(AudioSink sink) {
        AudioSink old = localSink;
        localSink = sink;
        return old;
    }

    /** Cycles mixed so far (for tests and diagnostics). */
    public synchronized long cycles() {
        return cycles;
    }

    synchronized void received(MixLeg leg, short[] pcm, int sampleRate) {
        if (leg.left) {
            return;
        }
        if (leg.filled) {
            mix(); // this leg is a cycle ahead of a silent one: do not wait for it
        }
        leg.fromPeer.convert(pcm, sampleRate, leg.in, rate);
        leg.filled = true;
        for (int i = 0; i < count; i++) {
            if (!legs[i].filled) {
                return;
            }
        }
        mix();
    }

    synchronized void toSend(MixLeg leg, short[] pcm, int sampleRate) {
        leg.takeOut(pcm, sampleRate, rate);
    }

    private void mix() {
        cycles++;
        int n = frame;
        java.util.Arrays.fill(total, 0, n, 0);
        boolean local = readLocal();
        if (local) {
            addInto(localIn, n);
        }
        for (int k = 0; k < count; k++) {
            MixLeg leg = legs[k];
            leg.heldNow = leg.held.getAsBoolean();
            leg.contributes = leg.filled && !leg.muted() && !leg.heldNow;
            if (leg.contributes) {
                addInto(leg.in, n);
            }
        }
        for (int k = 0; k < count; k++) {
            MixLeg leg = legs[k];
            short[] out = leg.nextOutSlot();
            if (leg.heldNow) {
                java.util.Arrays.fill(out, 0, n, (short) 0);
            } else {
                minus(leg.contributes ? leg.in : null, out, n);
            }
            leg.filled = false;
        }
        AudioSink sink = localSink;
        if (sink != null) {
            minus(local ? localIn : null, localOut, n);
            try {
                sink.write(localOut, rate);
            } catch (RuntimeException e) {
                // Lenient: a failing local sink must not stop the participants hearing each other.
            }
        }
    }

    private boolean readLocal() {
        AudioSource source = localSource;
        if (source == null) {
            return false;
        }
        try {
            source.read(localIn, rate); // a finished source fills silence and returns false
            return true;
        } catch (RuntimeException e) {
            return false; // Lenient: a failing local source is heard as silence
        }
    }

    private void addInto(short[] pcm, int n) {
        for (int i = 0; i < n; i++) {
            total[i] += pcm[i];
        }
    }

    /** {@code out = saturate(total − own)}: the sum of everyone else (own may be null). */
    private void minus(short[] own, short[] out, int n) {
        for (int i = 0; i < n; i++) {
            int v = own == null ? total[i] : total[i] - own[i];
            out[i] = (short) (v > Short.MAX_VALUE ? Short.MAX_VALUE : v < Short.MIN_VALUE ? Short.MIN_VALUE : v);
        }
    }
}
