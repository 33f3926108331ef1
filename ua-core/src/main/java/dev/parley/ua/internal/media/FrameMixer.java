package dev.parley.ua.internal.media;

import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;

/**
 * Mixes the two directions of a call into one sink: each 20 ms slot holds one frame per
 * direction, and the slot is written as their saturating sum once both arrived, or once one
 * direction delivers its next frame first (the missing one counts as silence). Holds at most one
 * frame per direction. Thread-safe: the two directions may be written from different threads.
 */
public final class FrameMixer implements AutoCloseable {

    private final AudioSink target;
    private final short[][] slot = new short[2][];
    private final boolean[] filled = new boolean[2];
    private final short[] mixed;
    private int rate;

    public FrameMixer(AudioSink target, int maxSampleRate) {
        this.target = target;
        int max = AudioSource.frameSamples(maxSampleRate);
        slot[0] = new short[max];
        slot[1] = new short[max];
        mixed = new short[max];
    }

    /** The sink for one direction (0 = sent, 1 = received). */
    public AudioSink direction(int side) {
        if (side != 0 && side != 1) {
            throw new IllegalArgumentException("side " + side);
        }
        return (frame, sampleRate) -> offer(side, frame, sampleRate);
    }

    synchronized void offer(int side, short[] frame, int sampleRate) {
        int n = AudioSource.frameSamples(sampleRate);
        if (n > mixed.length) {
            throw new IllegalArgumentException(sampleRate + " Hz is above the mixer's maximum rate");
        }
        if (filled[side] || (rate != 0 && rate != sampleRate)) {
            flush();
        }
        rate = sampleRate;
        System.arraycopy(frame, 0, slot[side], 0, n);
        filled[side] = true;
        if (filled[0] && filled[1]) {
            flush();
        }
    }

    private void flush() {
        if (!filled[0] && !filled[1]) {
            return;
        }
        int n = AudioSource.frameSamples(rate);
        for (int i = 0; i < n; i++) {
            int sum = (filled[0] ? slot[0][i] : 0) + (filled[1] ? slot[1][i] : 0);
            mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
        }
        filled[0] = false;
        filled[1] = false;
        target.write(mixed, rate);
    }

    /** Writes a half-filled last slot, then closes the target. */
    @Override
    public synchronized void close() {
        flush();
        target.close();
    }
}
