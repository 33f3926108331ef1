package dev.parley.rtp;

import static dev.parley.rtp.JitterBuffer.CONCEAL;
import static dev.parley.rtp.JitterBuffer.FRAME;
import static dev.parley.rtp.JitterBuffer.SILENCE;

/**
 * The jitter buffer's playout rules: which frame each 20 ms tick plays, conceals or leaves silent
 * (see {@code docs/jitter-buffer.md}, "Playing", "Holding", "Talkspurts"). The tick that plays
 * frame {@code f} at {@code now} has the offset {@code cur = now − f × frame}; a packet is on time
 * if its delay is at most {@code cur}.
 *
 * <ul>
 *   <li>Adaptive: {@code cur} below the target conceals a tick without advancing (the delay grows
 *       at once); {@code cur} a frame and a quarter above it for 25 ticks drops a frame (it shrinks
 *       slowly).
 *   <li>Holding (adaptive): a missing frame stays next to play, its ticks concealed, until the
 *       next buffered frame is due on the schedule it had; a straggler arriving meanwhile plays
 *       instead of being late, a frame that never comes costs what concealing it would have. With
 *       nothing buffered the held frame is waited for through three concealed ticks, then in
 *       silence: a delay spike's packets start the next talkspurt instead of being late.
 *   <li>The fixed buffer passes a missing frame at its tick (conceals it and moves on).
 *   <li>Talkspurts start when their lowest buffered frame has waited the target; pauses in the
 *       ticks and timestamp jumps re-anchor on the next buffered frame.
 * </ul>
 */
final class Playout {
    private static final int SHRINK_TICKS = 25;
    /** Frames above the target at which a buffered frame is stale when playback starts. */
    private static final int STALE_FRAMES = 4;

    private final JitterBufferConfig cfg;
    private final FrameRing ring;
    private final DelayTarget target;
    private final long frameNanos;

    private boolean playing;
    private long playFrame;
    private long lastPlayed = Long.MIN_VALUE;
    private long anchorDelay;
    private long anchorFrame;
    private int dryTicks;
    private long concealedRun;
    private int highTicks;
    private int heldTicks;
    private long lastTick;
    private int slot = -1;

    long played;
    long lost;
    long concealed;
    long discarded;
    long currentDelay;
    long delaySum;

    Playout(JitterBufferConfig cfg, FrameRing ring, DelayTarget target) {
        this.cfg = cfg;
        this.ring = ring;
        this.target = target;
        this.frameNanos = cfg.frameNanos();
    }

    /** The frame a new packet's position is judged against (capacity, timestamp jumps). */
    long reference(long frame) {
        // In silence with nothing buffered any forward frame is acceptable.
        return playing ? playFrame : ring.count() > 0 ? anchorFrame
                : lastPlayed == Long.MIN_VALUE || frame > lastPlayed ? frame : lastPlayed;
    }

    /** Whether {@code frame}'s tick has passed: its packet is late. */
    boolean passed(long frame) {
        return frame <= lastPlayed || (playing && frame < playFrame);
    }

    /** A packet of {@code frame} with {@code delay} was buffered. */
    void buffered(long frame, long delay, boolean marker) {
        if (marker && playing && !ring.holdsAnyIn(playFrame, frame)) {
            // RFC 3551 §4.1: a new talkspurt; the gap before it is silence, not loss.
            stop(playFrame - 1);
            anchorFrame = frame;
            anchorDelay = delay;
        }
        if (!playing && (ring.count() == 1 || frame < anchorFrame)) {
            anchorDelay = delay;
            anchorFrame = frame;
        }
    }

    /** Stops playback; frames after {@code lastPlayed} are still expected. */
    void stop(long lastPlayed) {
        playing = false;
        concealedRun = 0;
        heldTicks = 0;
        this.lastPlayed = lastPlayed;
    }

    /** Forgets the position (a new source). */
    void forget() {
        stop(Long.MIN_VALUE);
    }

    /** The offset from the floor this buffer aims for. */
    long aboveFloor() {
        return cfg.adaptive() ? target.aboveFloor() : cfg.initialDelayNanos();
    }

    private long targetOffset() {
        return (cfg.adaptive() ? target.floor() : anchorDelay) + aboveFloor();
    }

    /** The tick at {@code now}: {@link JitterBuffer#FRAME} (in {@link #slot()}), CONCEAL or SILENCE. */
    int take(long now) {
        slot = -1;
        long previousTick = lastTick;
        lastTick = now;
        if (playing && now - previousTick > (cfg.underrunConcealFrames() + 1) * frameNanos) {
            // No tick for longer than an underrun lasts (our side on hold, a paused mixer): the
            // playout point lost its place in time. Frames buffered since then are re-anchored.
            reanchor();
        }
        if (!playing) {
            if (!startTalkspurt(now)) {
                return SILENCE;
            }
        } else if (cfg.adaptive()) {
            long cur = now - playFrame * frameNanos;
            long aim = targetOffset();
            if (cur < aim) {
                concealed++; // grow the delay by one frame now
                return CONCEAL;
            }
            highTicks = cur >= aim + frameNanos + frameNanos / 4 ? highTicks + 1 : 0;
            if (highTicks >= SHRINK_TICKS) {
                highTicks = 0;
                heldTicks = 0;
                drop(playFrame++); // shrink the delay by one frame
            }
        }
        return ring.holds(playFrame) ? play(now, playFrame) : missing(now, playFrame);
    }

    /** The slot of the frame the last {@link #take} returned as FRAME. */
    int slot() {
        return slot;
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
        while (ring.count() > 0 && now - first * frameNanos > aim + STALE_FRAMES * frameNanos) {
            drop(first);
            first = ring.count() > 0 ? ring.lowestAfter(first) : first;
            anchorFrame = first;
            anchorDelay = ring.arrival(first) - first * frameNanos;
        }
        if (ring.count() == 0 || now - first * frameNanos < aim) {
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
        currentDelay = now - ring.arrival(f);
        delaySum += currentDelay;
        slot = ring.remove(f);
        playFrame = f + 1;
        lastPlayed = f;
        dryTicks = 0;
        heldTicks = 0;
        played++;
        lost += concealedRun;
        concealedRun = 0;
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
                    return hold(); // f may still come: g is not due yet
                }
                lost += g - f; // g is due on its schedule: f .. g−1 never came in time
                return play(now, g);
            }
        } else if (++dryTicks > cfg.underrunConcealFrames()) {
            // The talkspurt ended or the network stalled: fall silent. The adaptive buffer still
            // waits for f (a delay spike's first packet starts the next talkspurt); the fixed one
            // has passed the frames it concealed.
            stop(cfg.adaptive() ? f - 1 : lastPlayed);
            return SILENCE;
        } else if (cfg.adaptive()) {
            return hold(); // a delay spike, or a talkspurt's end: wait for f, do not pass it
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
        long wait = now + ticksToG * frameNanos - ring.arrival(g);
        return g - playFrame > cfg.underrunConcealFrames() && wait > aboveFloor() + STALE_FRAMES * frameNanos;
    }

    /** Stops playback; the lowest buffered frame (if any) starts the next talkspurt. */
    private void reanchor() {
        stop(playFrame - 1);
        if (ring.count() > 0) {
            anchorFrame = ring.holds(playFrame) ? playFrame : ring.lowestAfter(playFrame);
            anchorDelay = ring.arrival(anchorFrame) - anchorFrame * frameNanos;
        }
    }

    private void drop(long f) {
        if (ring.discard(f)) {
            discarded++;
        }
        lastPlayed = f;
    }
}
