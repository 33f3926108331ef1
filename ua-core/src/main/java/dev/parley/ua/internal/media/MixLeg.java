package dev.parley.ua.internal.media;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * One participant of a {@link ConferenceMixer}: the frame it sent in the current 20 ms cycle
 * (converted to the mixing rate) and the last two mixed frames waiting to be sent to it. Its
 * call's media thread hands it each received frame ({@link #received}) and asks it for each frame
 * to send ({@link #fillToSend}); both take the mixer's lock, both are allocation-free.
 */
public final class MixLeg {

    /** Mixed frames kept for a participant that does not take them (it is not sending RTP). */
    static final int OUT_DEPTH = 2;

    private final ConferenceMixer mixer;
    final BooleanSupplier held;
    final short[] in;
    final short[][] out = new short[OUT_DEPTH][];
    final FrameRateConverter fromPeer = new FrameRateConverter();
    final FrameRateConverter toPeer = new FrameRateConverter();
    private final short[] silence;
    boolean filled;
    boolean contributes;
    boolean heldNow;
    boolean left;
    int outHead;
    int outCount;
    private volatile boolean muted;

    MixLeg(ConferenceMixer mixer, int frameSamples, BooleanSupplier held) {
        this.mixer = mixer;
        this.held = held;
        this.in = new short[frameSamples];
        this.silence = new short[frameSamples];
        for (int i = 0; i < OUT_DEPTH; i++) {
            out[i] = new short[frameSamples];
        }
    }

    /** A muted participant is not heard by the others; it still hears them. */
    public void mute(boolean on) {
        muted = on;
    }

    public boolean muted() {
        return muted;
    }

    /** One frame the participant's call received (decoded), at the codec's rate. */
    public void received(short[] frame, int sampleRate) {
        mixer.received(this, frame, sampleRate);
    }

    /** Fills {@code frame} with the next mixed frame for the participant, at the codec's rate. */
    public void fillToSend(short[] frame, int sampleRate) {
        mixer.toSend(this, frame, sampleRate);
    }

    /** The slot the next mixed frame goes to; the oldest waiting frame is dropped when both are full. */
    short[] nextOutSlot() {
        if (outCount == OUT_DEPTH) {
            outHead = (outHead + 1) % OUT_DEPTH;
            outCount--;
        }
        return out[(outHead + outCount++) % OUT_DEPTH];
    }

    /** Converts the oldest waiting mixed frame (or silence when none waits) into {@code frame}. */
    void takeOut(short[] frame, int sampleRate, int mixRate) {
        short[] next = silence;
        if (outCount > 0) {
            next = out[outHead];
            outHead = (outHead + 1) % OUT_DEPTH;
            outCount--;
        }
        toPeer.convert(next, mixRate, frame, sampleRate);
    }

    void clearOut() {
        outHead = 0;
        outCount = 0;
        filled = false;
        Arrays.fill(in, (short) 0);
    }
}
