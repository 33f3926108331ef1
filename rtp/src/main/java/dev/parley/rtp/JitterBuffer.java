package dev.parley.rtp;

import dev.parley.codecs.AudioDecoder;

/**
 * An adaptive playout buffer: packets go in with {@link #put} as they arrive, one frame comes out
 * per tick with {@link #take}. The algorithm and its constants are described in
 * {@code docs/jitter-buffer.md}; in short:
 *
 * <ul>
 *   <li>Each packet's timestamp becomes a frame number {@code f} ({@link FrameNumbering}); its
 *       <em>delay</em> is {@code d = arrival − f × frame}. {@link DelayTarget} keeps the floor
 *       {@code dmin} (the minimum of {@code d} over two blocks of {@code windowPackets} packets) and
 *       a histogram of {@code d − dmin} with exponential forgetting (memory about 1,000 packets).
 *   <li>Target delay: {@code dmin + q + safety}, {@code q} the 99.95th percentile of the histogram:
 *       raised at once by a packet above it (fast attack), lowered only as old delays are forgotten
 *       (slow decay).
 *   <li>{@link Playout} decides each tick: grow the delay at once when below target, shrink it
 *       slowly when above; hold a missing frame until the next one is due (a straggler plays
 *       instead of being late; a delay spike's packets start the next talkspurt); talkspurts,
 *       pauses and timestamp jumps start playback afresh at the target.
 *   <li>Packets are stored in a bounded {@link FrameRing}; late, duplicate and out-of-range
 *       packets are counted and dropped; a jump beyond capacity on the same timeline keeps the
 *       measured target, a new timeline restarts the measurement.
 * </ul>
 * Single-threaded; {@link #put} and {@link #take} never allocate.
 */
public final class JitterBuffer {

    /** {@link #take} result: a frame from a packet is in {@link #frame()}. */
    public static final int FRAME = 0;
    /** {@link #take} result: the frame is missing; conceal it. */
    public static final int CONCEAL = 1;
    /** {@link #take} result: nothing to play (before the first packet or between talkspurts). */
    public static final int SILENCE = 2;

    private static final int JUMP_PACKETS = 3;

    private final JitterBufferConfig cfg;
    private final FrameRing ring;
    private final FrameNumbering numbering;
    private final DelayTarget target;
    private final Playout playout;

    private int outOfRange;
    private long received;
    private long late;
    private long duplicates;
    private long overflow;
    private long resyncs;

    public JitterBuffer(JitterBufferConfig config) {
        this.cfg = config;
        this.ring = new FrameRing(config.capacityFrames(), config.maxPayload());
        this.numbering = new FrameNumbering(config.frameUnits());
        this.target = new DelayTarget(config);
        this.playout = new Playout(config, ring, target);
    }

    /**
     * Offers one packet's payload, {@code length} bytes of {@code src} from {@code offset}.
     *
     * @param marker the RTP marker bit (RFC 3551 §4.1: first packet of a talkspurt)
     */
    public void put(int timestamp, boolean marker, byte[] src, int offset, int length, long arrivalNanos) {
        int slot = admit(timestamp, marker, length, arrivalNanos);
        if (slot >= 0) {
            System.arraycopy(src, offset, ring.payloads(), ring.offset(slot), length);
        }
    }

    /** {@link #put} from a (possibly direct) buffer, absolute index {@code offset}. */
    public void put(int timestamp, boolean marker, java.nio.ByteBuffer src, int offset, int length,
            long arrivalNanos) {
        int slot = admit(timestamp, marker, length, arrivalNanos);
        if (slot >= 0) {
            src.get(offset, ring.payloads(), ring.offset(slot), length);
        }
    }

    /** Accounts a packet and reserves its slot; returns the slot, or -1 if the packet is dropped. */
    private int admit(int timestamp, boolean marker, int length, long arrivalNanos) {
        if (length > cfg.maxPayload()) {
            overflow++;
            return -1;
        }
        long frame = numbering.frameOf(timestamp);
        long ahead = frame - playout.reference(frame);
        if (ahead >= cfg.capacityFrames() || ahead < -cfg.capacityFrames()) {
            // A timestamp jump: a marker or a few packets in a row restart the buffer there.
            if (marker || ++outOfRange >= JUMP_PACKETS) {
                if (onSameTimeline(arrivalNanos - frame * cfg.frameNanos())) {
                    // RFC 3550 §5.1: the timestamps advanced with the sender's clock over a pause
                    // (hold, silence): same timeline, so the frame numbering and the measured
                    // target stay; only the playout point moves to the new talkspurt.
                    ring.clear();
                    playout.stop(frame - 1);
                    resyncs++;
                } else {
                    reset(); // a new timeline: measure the delay afresh
                    numbering.rebase(timestamp);
                    frame = 0;
                }
            } else {
                overflow++;
                return -1;
            }
        }
        outOfRange = 0;
        numbering.accept(timestamp);
        long delay = arrivalNanos - frame * cfg.frameNanos();
        if (playout.passed(frame)) {
            target.measure(delay);
            late++;
            return -1;
        }
        int slot = ring.reserve(frame, arrivalNanos, length);
        if (slot == FrameRing.DUPLICATE) {
            duplicates++;
            return -1;
        }
        if (slot == FrameRing.OCCUPIED) {
            overflow++; // the slot still holds a frame a whole capacity older
            return -1;
        }
        target.measure(delay);
        received++;
        playout.buffered(frame, delay, marker);
        return slot;
    }

    /** Whether a jumped packet's delay is near the measured floor (its timestamps kept the clock). */
    private boolean onSameTimeline(long delay) {
        long floor = target.floor();
        return floor != Long.MAX_VALUE && delay - floor <= cfg.maxDelayNanos() && floor - delay <= cfg.maxDelayNanos();
    }

    /** The offset from the fastest packets this buffer aims for (see the class comment). */
    public long targetDelayNanos() {
        return playout.aboveFloor();
    }

    /**
     * Takes the frame for the tick at {@code now}: {@link #FRAME} (read it with {@link #frame()},
     * {@link #frameOffset()}, {@link #frameLength()}), {@link #CONCEAL} or {@link #SILENCE}.
     */
    public int take(long now) {
        return playout.take(now);
    }

    /**
     * One tick of audio: decodes the next frame into {@code pcm} or asks the decoder to conceal it.
     *
     * @return samples written, or 0 for silence
     */
    public int playout(long now, AudioDecoder decoder, short[] pcm, int samplesPerFrame) {
        switch (take(now)) {
            case FRAME:
                return decoder.decode(frame(), frameOffset(), frameLength(), pcm, 0);
            case CONCEAL:
                return decoder.conceal(pcm, 0, samplesPerFrame);
            default:
                return 0;
        }
    }

    /**
     * The array holding the frame the last {@link #take} returned as {@link #FRAME}, from
     * {@link #frameOffset()} for {@link #frameLength()} bytes (the array holds other frames too).
     */
    public byte[] frame() {
        return ring.payloads();
    }

    public int frameOffset() {
        return ring.offset(playout.slot());
    }

    public int frameLength() {
        return ring.length(playout.slot());
    }

    /** Empties the buffer and forgets the source (a new SSRC): statistics are kept. */
    public void reset() {
        ring.clear();
        numbering.forget();
        playout.forget();
        target.clear();
        resyncs++;
    }

    public JitterBufferStats stats() {
        Playout p = playout;
        return new JitterBufferStats(p.currentDelay, p.played == 0 ? 0 : p.delaySum / p.played, targetDelayNanos(),
                received, p.played, late, p.lost, p.concealed, duplicates + p.discarded, overflow, resyncs);
    }
}
