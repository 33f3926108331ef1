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
 *   <li>A missing frame is <em>held</em>, not passed: its tick is concealed and the frame stays next
 *       to play until the next buffered frame is due on the schedule it had. A straggler arriving
 *       meanwhile plays (the delay grows by the ticks held) instead of being late; a frame that
 *       never comes costs exactly what concealing it would have. With nothing buffered (a delay
 *       spike, or the end of a talkspurt) the held frame waits the underrun's three ticks, then
 *       the buffer falls silent still waiting for it, so a spike's packets are played, not late.
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
    private final FrameRing ring;
    private final FrameNumbering numbering;
    private final DelayTarget target;

    private boolean playing;
    private long playFrame;
    private long lastPlayed = Long.MIN_VALUE;
    private long anchorDelay;
    private long anchorFrame;
    private int dryTicks;
    private long concealedRun;
    private int highTicks;
    private int heldTicks;
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
        this.ring = new FrameRing(config.capacityFrames(), config.maxPayload());
        this.numbering = new FrameNumbering(config.frameUnits());
        this.target = new DelayTarget(config);
    }

    /**
     * Offers one packet's payload, {@code length} bytes of {@code src} from {@code offset}.
     *
     * @param marker the RTP marker bit (RFC 3551 §4.1: first packet of a talkspurt)
     */
    public void put(int timestamp, boolean marker, byte[] src, int offset, int length, long arrivalNanos) {
        int slot = admit(timestamp, marker, length, arrivalNanos);
        if (slot >= 0) {
            System.arraycopy(src, offset, ring.payload(slot), 0, length);
        }
    }

    /** {@link #put} from a (possibly direct) buffer, absolute index {@code offset}. */
    public void put(int timestamp, boolean marker, java.nio.ByteBuffer src, int offset, int length,
            long arrivalNanos) {
        int slot = admit(timestamp, marker, length, arrivalNanos);
        if (slot >= 0) {
            src.get(offset, ring.payload(slot), 0, length);
        }
    }

    /** Accounts a packet and reserves its slot; returns the slot, or -1 if the packet is dropped. */
    private int admit(int timestamp, boolean marker, int length, long arrivalNanos) {
        if (length > cfg.maxPayload()) {
            overflow++;
            return -1;
        }
        long frame = numbering.frameOf(timestamp);
        // Frames are placed relative to the frame playing next, or the first one waiting to play;
        // in silence with nothing buffered any forward frame is acceptable.
        long reference = playing ? playFrame : ring.count() > 0 ? anchorFrame
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
        if (frame <= lastPlayed || (playing && frame < playFrame)) {
            target.measure(delay);
            late++;
            return -1;
        }
        int slot = ring.reserve(frame, arrivalNanos, length);
        if (slot < 0) {
            if (slot == FrameRing.DUPLICATE) {
                discarded++;
            } else {
                overflow++;
            }
            return -1;
        }
        target.measure(delay);
        received++;
        if (marker && playing && !ring.holdsAnyIn(playFrame, frame)) {
            playing = false; // RFC 3551 §4.1: a new talkspurt; the gap before it is silence
            lastPlayed = playFrame - 1;
            concealedRun = 0;
            anchorFrame = frame;
            anchorDelay = delay;
        }
        if (!playing && (ring.count() == 1 || frame < anchorFrame)) {
            anchorDelay = delay;
            anchorFrame = frame;
        }
        return slot;
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
            if (!startTalkspurt(now)) {
                return SILENCE;
            }
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
                heldTicks = 0;
                dropFrame(playFrame++); // shrink the delay by one frame
            }
        }
        return ring.holds(playFrame) ? play(now, playFrame) : missing(now, playFrame);
    }

    /**
     * In silence: starts playback with the lowest buffered frame once it has waited the target,
     * dropping frames that waited far longer (left from before a pause in the ticks).
     */
    private boolean startTalkspurt(long now) {
        if (ring.count() == 0) {
            return false;
        }
        long first = anchorFrame; // the lowest buffered frame while not playing
        long aim = targetOffset();
        while (ring.count() > 0 && now - first * cfg.frameNanos() > aim + STALE_FRAMES * cfg.frameNanos()) {
            dropFrame(first);
            first = ring.count() > 0 ? ring.lowestAfter(first) : first;
            anchorFrame = first;
            anchorDelay = ring.arrival(first) - first * cfg.frameNanos();
        }
        if (ring.count() == 0 || now - first * cfg.frameNanos() < aim) {
            return false;
        }
        playing = true;
        playFrame = first;
        dryTicks = 0;
        highTicks = 0;
        heldTicks = 0;
        return true;
    }

    private int play(long now, long f) {
        int slot = ring.remove(f);
        playFrame = f + 1;
        lastPlayed = f;
        dryTicks = 0;
        heldTicks = 0;
        played++;
        lost += concealedRun;
        concealedRun = 0;
        currentDelay = now - ring.arrival(f);
        delaySum += currentDelay;
        outIndex = slot;
        return FRAME;
    }

    /** The tick's frame {@code f} is not buffered. */
    private int missing(long now, long f) {
        if (ring.count() > 0) {
            long g = ring.lowestAfter(f);
            if (waitsFarBeyondTarget(now, g)) {
                // The next buffered frame is further ahead than the network could delay it: the
                // timestamps jumped ahead without a marker (lost, or a new source). A new talkspurt.
                reanchor();
                return take(now);
            }
            if (cfg.adaptive()) {
                if (heldTicks < g - f) {
                    return hold(); // f may still come; g is not due yet
                }
                // g is due on its schedule: f .. g−1 never came in time.
                lost += g - f;
                return play(now, g);
            }
        } else if (++dryTicks > cfg.underrunConcealFrames()) {
            playing = false; // the talkspurt ended or the network stalled: fall silent
            concealedRun = 0;
            heldTicks = 0;
            return SILENCE; // an adaptive buffer still waits for f: it starts the next talkspurt
        } else if (cfg.adaptive()) {
            return hold(); // a delay spike (or a talkspurt's end): wait for f, do not pass it
        }
        concealedRun++; // fixed buffer: pass f; counted lost once a later frame plays
        playFrame++;
        lastPlayed = f;
        concealed++;
        return CONCEAL;
    }

    /** Conceals this tick and keeps the missing frame next: the delay grows by one frame. */
    private int hold() {
        heldTicks++;
        concealed++;
        return CONCEAL;
    }

    /**
     * Whether frame {@code g} lies beyond a gap longer than an underrun conceals and would wait more
     * than a few frames beyond the target before its tick.
     */
    private boolean waitsFarBeyondTarget(long now, long g) {
        long ticksToG = Math.max(0, g - playFrame - heldTicks);
        long wait = now + ticksToG * cfg.frameNanos() - ring.arrival(g);
        return g - playFrame > cfg.underrunConcealFrames()
                && wait > targetDelayNanos() + STALE_FRAMES * cfg.frameNanos();
    }

    /** Stops playback; the lowest buffered frame (if any) starts the next talkspurt. */
    private void reanchor() {
        playing = false;
        concealedRun = 0;
        heldTicks = 0;
        lastPlayed = playFrame - 1;
        if (ring.count() > 0) {
            anchorFrame = ring.holds(playFrame) ? playFrame : ring.lowestAfter(playFrame);
            anchorDelay = ring.arrival(anchorFrame) - anchorFrame * cfg.frameNanos();
        }
    }

    /** Whether a jumped packet's delay is near the measured floor (its timestamps kept the clock). */
    private boolean onSameTimeline(long delay) {
        long floor = target.floor();
        return floor != Long.MAX_VALUE && delay - floor <= cfg.maxDelayNanos() && floor - delay <= cfg.maxDelayNanos();
    }

    /** A timestamp jump on the same timeline: empties the buffer and waits for {@code frame}. */
    private void jumpTo(long frame) {
        ring.clear();
        concealedRun = 0;
        heldTicks = 0;
        playing = false;
        lastPlayed = frame - 1;
        resyncs++;
    }

    private void dropFrame(long f) {
        if (ring.discard(f)) {
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
                return decoder.decode(ring.payload(outIndex), 0, ring.length(outIndex), pcm, 0);
            case CONCEAL:
                return decoder.conceal(pcm, 0, samplesPerFrame);
            default:
                return 0;
        }
    }

    /** The payload array of the frame the last {@link #take} returned as {@link #FRAME}. */
    public byte[] frame() {
        return ring.payload(outIndex);
    }

    public int frameOffset() {
        return 0;
    }

    public int frameLength() {
        return ring.length(outIndex);
    }

    /** Empties the buffer and forgets the source (a new SSRC): statistics are kept. */
    public void reset() {
        ring.clear();
        numbering.forget();
        concealedRun = 0;
        heldTicks = 0;
        playing = false;
        lastPlayed = Long.MIN_VALUE;
        target.clear();
        resyncs++;
    }

    public JitterBufferStats stats() {
        return new JitterBufferStats(currentDelay, played == 0 ? 0 : delaySum / played, targetDelayNanos(),
                received, played, late, lost, concealed, discarded, overflow, resyncs);
    }
}
