package dev.parley.rtp;

import dev.parley.codecs.AudioDecoder;

/**
 * An adaptive playout buffer: packets go in with {@link #put} as they arrive, one frame comes out
 * per tick with {@link #take}. The algorithm and its constants are described in
 * {@code docs/jitter-buffer.md}; in short:
 *
 * <ul>
 *   <li>Each packet's timestamp becomes a frame number {@code f}; its <em>delay</em> is
 *       {@code d = arrival − f × frame}. The floor {@code dmin} is the minimum of {@code d} over two
 *       blocks of {@code windowPackets} packets; {@code d − dmin} goes into a histogram with
 *       exponential forgetting ({@link DelayHistogram}, memory about 1,000 packets); {@link DelayTarget} keeps both.
 *   <li>Target delay: {@code dmin + q + safety}, {@code q} the 99.95th percentile of the histogram:
 *       raised at once by a packet above it (fast attack), lowered only as old delays are forgotten
 *       (slow decay). The tick that plays frame {@code f} sees an offset
 *       {@code cur = now − f × frame}; a packet is on time if {@code d ≤ cur}.
 *   <li>If {@code cur} is below target, one concealed frame is inserted (delay grows at once); if it
 *       stays a frame and a quarter above target for 25 ticks, one frame is dropped (delay shrinks
 *       slowly). Clock drift moves {@code dmin} and is absorbed the same way.
 *   <li>Talkspurts: a marker packet with nothing buffered before it, or a dry buffer after three
 *       concealed frames, returns the buffer to silence; it starts again when the first buffered
 *       frame has waited the target delay.
 *   <li>Pauses (hold, silence) and timestamp jumps: a gap of more than four frames between ticks,
 *       or a next frame beyond a gap that would wait far beyond the target, re-anchor playout on
 *       the next talkspurt; frames left from before a pause that waited far beyond the target are
 *       dropped. A jump beyond capacity on the same timeline keeps the measured target.
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

    private static final int SHRINK_TICKS = 25;
    private static final int JUMP_PACKETS = 3;
    /** Frames above the target at which a buffered frame is stale when playback starts. */
    private static final int STALE_FRAMES = 4;

    private final JitterBufferConfig cfg;
    private final int mask;
    private final byte[][] payloads;
    private final int[] lengths;
    private final long[] frames;
    private final long[] arrivals;
    private final DelayTarget target;

    private boolean haveBase;
    private long baseTs;
    private int lastTs;
    private long extTs;
    private boolean playing;
    private long playFrame;
    private long lastPlayed = Long.MIN_VALUE;
    private long anchorDelay;
    private long anchorFrame;
    private int buffered;
    private int dryTicks;
    private long concealedRun;
    private int highTicks;
    private int outOfRange;
    private int outIndex = -1;
    private long lastTick;

    private long received;
    private long played;
    private long late;
    private long lost;
    private long concealed;
    private long discarded;
    private long overflow;
    private long resyncs;
    private long currentDelay;
    private long delaySum;

    public JitterBuffer(JitterBufferConfig config) {
        this.cfg = config;
        this.mask = config.capacityFrames() - 1;
        this.payloads = new byte[config.capacityFrames()][config.maxPayload()];
        this.lengths = new int[config.capacityFrames()];
        this.frames = new long[config.capacityFrames()];
        this.arrivals = new long[config.capacityFrames()];
        this.target = new DelayTarget(config);
        java.util.Arrays.fill(frames, Long.MIN_VALUE);
    }

    /**
     * Offers one packet's payload, {@code length} bytes of {@code src} from {@code offset}.
     *
     * @param marker the RTP marker bit (RFC 3551 §4.1: first packet of a talkspurt)
     */
    public void put(int timestamp, boolean marker, byte[] src, int offset, int length, long arrivalNanos) {
        int slot = admit(timestamp, marker, length, arrivalNanos);
        if (slot >= 0) {
            System.arraycopy(src, offset, payloads[slot], 0, length);
        }
    }

    /** {@link #put} from a (possibly direct) buffer, absolute index {@code offset}. */
    public void put(int timestamp, boolean marker, java.nio.ByteBuffer src, int offset, int length,
            long arrivalNanos) {
        int slot = admit(timestamp, marker, length, arrivalNanos);
        if (slot >= 0) {
            src.get(offset, payloads[slot], 0, length);
        }
    }

    /** Accounts a packet and reserves its slot; returns the slot, or -1 if the packet is dropped. */
    private int admit(int timestamp, boolean marker, int length, long arrivalNanos) {
        if (length > cfg.maxPayload()) {
            overflow++;
            return -1;
        }
        if (!haveBase) {
            rebase(timestamp);
        }
        long ext = extTs + (timestamp - lastTs); // signed 32-bit difference: wrap-safe
        long rel = ext - baseTs + cfg.frameUnits() / 2;
        // An int division is several times cheaper than a long one; rel fits for ~3 days at 8 kHz.
        long frame = rel >= 0 && rel <= Integer.MAX_VALUE ? (int) rel / cfg.frameUnits()
                : Math.floorDiv(rel, cfg.frameUnits());
        // Frames are placed relative to the frame playing next, or the first one waiting to play;
        // in silence with nothing buffered any forward frame is acceptable.
        long reference = playing ? playFrame : buffered > 0 ? anchorFrame
                : lastPlayed == Long.MIN_VALUE || frame > lastPlayed ? frame : lastPlayed;
        long ahead = frame - reference;
        if (ahead >= cfg.capacityFrames() || ahead < -cfg.capacityFrames()) {
            // A timestamp jump: a marker or a few packets in a row restart the buffer there.
            if (marker || ++outOfRange >= JUMP_PACKETS) {
                if (onSameTimeline(arrivalNanos - frame * cfg.frameNanos())) {
                    // RFC 3550 §5.1: the timestamps advanced with the sender's clock over a pause
                    // (hold, silence): same timeline, so the frame numbering and the measured
                    // target stay; only the playout point moves to the new talkspurt.
                    jumpTo(frame);
                } else {
                    restart(timestamp); // a new timeline: measure the delay afresh
                    ext = extTs;
                    frame = 0;
                }
            } else {
                overflow++;
                return -1;
            }
        }
        outOfRange = 0;
        extTs = ext;
        lastTs = timestamp;
        if (frame <= lastPlayed || (playing && frame < playFrame)) {
            target.measure(arrivalNanos - frame * cfg.frameNanos());
            late++;
            return -1;
        }
        int slot = (int) frame & mask;
        if (frames[slot] == frame) {
            discarded++; // a duplicate
            return -1;
        }
        if (frames[slot] != Long.MIN_VALUE) {
            overflow++; // the slot still holds a frame a whole capacity older
            return -1;
        }
        long delay = arrivalNanos - frame * cfg.frameNanos();
        target.measure(delay);
        if (marker && playing && nothingBufferedBefore(frame)) {
            playing = false; // RFC 3551 §4.1: a new talkspurt; the gap before it is silence
            lastPlayed = playFrame - 1;
            anchorFrame = frame;
            anchorDelay = delay;
            concealedRun = 0;
        }
        lengths[slot] = length;
        frames[slot] = frame;
        arrivals[slot] = arrivalNanos;
        buffered++;
        received++;
        if (!playing && (buffered == 1 || frame < anchorFrame)) {
            anchorDelay = delay;
            anchorFrame = frame;
        }
        return slot;
    }

    private boolean nothingBufferedBefore(long frame) {
        for (long f = playFrame; f < frame; f++) {
            if (frames[(int) f & mask] == f) {
                return false;
            }
        }
        return true;
    }

    /** The offset from the fastest packets this buffer aims for (see the class comment). */
    public long targetDelayNanos() {
        if (!cfg.adaptive()) {
            return cfg.initialDelayNanos();
        }
        return target.aboveFloor();
    }

    private long targetOffset() {
        return (cfg.adaptive() ? target.floor() : anchorDelay) + targetDelayNanos();
    }

    /**
     * Takes the frame for the tick at {@code now}: {@link #FRAME} (read it with {@link #frame()},
     * {@link #frameOffset()}, {@link #frameLength()}), {@link #CONCEAL} or {@link #SILENCE}.
     */
    public int take(long now) {
        outIndex = -1;
        long previousTick = lastTick;
        lastTick = now;
        if (playing && now - previousTick > (cfg.underrunConcealFrames() + 1) * cfg.frameNanos()) {
            // No tick for longer than an underrun lasts (our side on hold, a paused mixer): the
            // playout point lost its place in time. Frames buffered since then are re-anchored.
            reanchor();
        }
        if (!playing) {
            if (buffered == 0) {
                return SILENCE;
            }
            long first = anchorFrame; // the lowest buffered frame while not playing
            long aim = targetOffset();
            // Frames that waited far beyond the target (buffered before a pause in the ticks) are
            // stale: drop them so the talkspurt starts at the target, not seconds behind.
            while (buffered > 0 && now - first * cfg.frameNanos() > aim + STALE_FRAMES * cfg.frameNanos()) {
                dropFrame(first);
                first = buffered > 0 ? lowestBufferedAfter(first) : first;
                anchorFrame = first;
                anchorDelay = arrivals[(int) first & mask] - first * cfg.frameNanos();
            }
            if (buffered == 0 || now - first * cfg.frameNanos() < aim) {
                return SILENCE;
            }
            playing = true;
            playFrame = first;
            dryTicks = 0;
            highTicks = 0;
        } else if (cfg.adaptive()) {
            long cur = now - playFrame * cfg.frameNanos();
            long aim = targetOffset();
            if (cur < aim) {
                concealed++; // grow the delay by one frame now
                return CONCEAL;
            }
            highTicks = cur >= aim + cfg.frameNanos() + cfg.frameNanos() / 4 ? highTicks + 1 : 0;
            if (highTicks >= SHRINK_TICKS) {
                highTicks = 0;
                dropFrame(playFrame++); // shrink the delay by one frame
            }
        }
        long f = playFrame;
        int slot = (int) f & mask;
        if (frames[slot] == f) {
            playFrame++;
            lastPlayed = f;
            dryTicks = 0;
            frames[slot] = Long.MIN_VALUE;
            buffered--;
            played++;
            lost += concealedRun;
            concealedRun = 0;
            currentDelay = now - arrivals[slot];
            delaySum += currentDelay;
            outIndex = slot;
            return FRAME;
        }
        if (buffered > 0 && waitsFarBeyondTarget(now, lowestBufferedAfter(f))) {
            // The next buffered frame is further ahead than the network could delay it: the
            // timestamps jumped ahead without a marker (lost, or a new source). A new talkspurt.
            reanchor();
            return take(now);
        }
        if (buffered == 0 && ++dryTicks > cfg.underrunConcealFrames()) {
            playing = false; // the talkspurt ended or the network stalled: fall silent
            concealedRun = 0;
            return SILENCE;
        }
        concealedRun++; // counted as lost once a later frame plays (not if the talkspurt ended)
        playFrame++;
        lastPlayed = f;
        concealed++;
        return CONCEAL;
    }

    /**
     * Whether frame {@code g} lies beyond a gap longer than an underrun conceals and would wait more
     * than a few frames beyond the target before its tick.
     */
    private boolean waitsFarBeyondTarget(long now, long g) {
        long wait = now + (g - playFrame) * cfg.frameNanos() - arrivals[(int) g & mask];
        return g - playFrame > cfg.underrunConcealFrames()
                && wait > targetDelayNanos() + STALE_FRAMES * cfg.frameNanos();
    }

    /** Stops playback; the lowest buffered frame (if any) starts the next talkspurt. */
    private void reanchor() {
        playing = false;
        concealedRun = 0;
        lastPlayed = playFrame - 1;
        if (buffered > 0) {
            anchorFrame = frames[(int) playFrame & mask] == playFrame ? playFrame : lowestBufferedAfter(playFrame);
            anchorDelay = arrivals[(int) anchorFrame & mask] - anchorFrame * cfg.frameNanos();
        }
    }

    /** The lowest buffered frame above {@code f}; call only while {@code buffered > 0}. */
    private long lowestBufferedAfter(long f) {
        for (long g = f + 1; g <= f + 2L * cfg.capacityFrames(); g++) {
            if (frames[(int) g & mask] == g) {
                return g;
            }
        }
        // Unreachable while the count matches the slots; if it ever does not, empty the buffer
        // rather than fail on network input.
        java.util.Arrays.fill(frames, Long.MIN_VALUE);
        buffered = 0;
        return f;
    }

    /** Whether a jumped packet's delay is near the measured floor (its timestamps kept the clock). */
    private boolean onSameTimeline(long delay) {
        long floor = target.floor();
        return floor != Long.MAX_VALUE && delay - floor <= cfg.maxDelayNanos() && floor - delay <= cfg.maxDelayNanos();
    }

    /** A timestamp jump on the same timeline: empties the buffer and waits for {@code frame}. */
    private void jumpTo(long frame) {
        java.util.Arrays.fill(frames, Long.MIN_VALUE);
        buffered = 0;
        concealedRun = 0;
        playing = false;
        lastPlayed = frame - 1;
        resyncs++;
    }

    private void dropFrame(long f) {
        int slot = (int) f & mask;
        if (frames[slot] == f) {
            frames[slot] = Long.MIN_VALUE;
            buffered--;
            discarded++;
        }
        lastPlayed = f;
    }

    /**
     * One tick of audio: decodes the next frame into {@code pcm} or asks the decoder to conceal it.
     *
     * @return samples written, or 0 for silence
     */
    public int playout(long now, AudioDecoder decoder, short[] pcm, int samplesPerFrame) {
        switch (take(now)) {
            case FRAME:
                return decoder.decode(payloads[outIndex], 0, lengths[outIndex], pcm, 0);
            case CONCEAL:
                return decoder.conceal(pcm, 0, samplesPerFrame);
            default:
                return 0;
        }
    }

    /** The payload array of the frame the last {@link #take} returned as {@link #FRAME}. */
    public byte[] frame() {
        return payloads[outIndex];
    }

    public int frameOffset() {
        return 0;
    }

    public int frameLength() {
        return lengths[outIndex];
    }

    /** Empties the buffer and forgets the source (a new SSRC): statistics are kept. */
    public void reset() {
        java.util.Arrays.fill(frames, Long.MIN_VALUE);
        buffered = 0;
        concealedRun = 0;
        haveBase = false;
        playing = false;
        lastPlayed = Long.MIN_VALUE;
        target.clear();
        resyncs++;
    }

    private void restart(int timestamp) {
        reset();
        rebase(timestamp);
    }

    private void rebase(int timestamp) {
        haveBase = true;
        lastTs = timestamp;
        extTs = 1L << 40;
        baseTs = extTs;
    }

    public JitterBufferStats stats() {
        return new JitterBufferStats(currentDelay, played == 0 ? 0 : delaySum / played, targetDelayNanos(),
                received, played, late, lost, concealed, discarded, overflow, resyncs);
    }
}
