package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.CallDirection;
import dev.parley.ua.CallEnd;
import dev.parley.ua.Conference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The bookkeeping of {@code parley conference}: which calls are admitted (ringing or in the room,
 * at most {@code maxParticipants}), which joined, which left, and whether the room has emptied
 * after someone joined. An admitted call joins the {@link Conference} once it is established and
 * leaves it when it ends (the conference drops an ended call by itself). Thread-safe: calls are
 * admitted by the command's thread and the phone's event thread, and end on the phone's threads.
 */
final class ConferenceRoom {

    private final Conference conference;
    private final int maxParticipants;
    private final ConferenceEvents events;
    /** Admitted calls that have not ended: still being set up, or in the room. Bounded by maxParticipants. */
    private final Set<Call> live = new LinkedHashSet<>();
    private final Set<Call> inRoom = new LinkedHashSet<>();
    private final CompletableFuture<Void> emptied = new CompletableFuture<>();
    private int joinedEver;
    private int failedOutgoing;

    ConferenceRoom(Conference conference, int maxParticipants, ConferenceEvents events) {
        if (maxParticipants < 1 || maxParticipants > Conference.MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("maxParticipants must be 1 to " + Conference.MAX_PARTICIPANTS);
        }
        this.conference = conference;
        this.maxParticipants = maxParticipants;
        this.events = events;
    }

    /**
     * Takes {@code call} into account before it is started or answered, and has it leave when it
     * ends.
     *
     * @return false when the room is full (the caller should refuse the call)
     */
    boolean admit(Call call) {
        synchronized (this) {
            if (live.size() >= maxParticipants) {
                return false;
            }
            live.add(call);
        }
        call.ended().whenComplete((end, e) -> ended(call, end));
        return true;
    }

    /** Puts an admitted call, now established, into the conference. */
    void join(Call call) {
        synchronized (this) {
            if (!live.contains(call) || inRoom.contains(call)) {
                return; // it ended meanwhile, or joined already
            }
            try {
                conference.add(call);
            } catch (IllegalStateException e) {
                return; // Lenient: the call ended between the answer and now; ended() reports it
            }
            inRoom.add(call);
            joinedEver++;
            events.joined(call, inRoom.size());
        }
    }

    private synchronized void ended(Call call, CallEnd end) {
        if (!live.remove(call)) {
            return;
        }
        CallEnd why = end != null ? end : call.end().orElse(CallEnd.of(dev.parley.ua.EndCause.PHONE_CLOSED, "unknown"));
        if (inRoom.remove(call)) {
            events.left(call, why, inRoom.size());
        } else if (call.direction() == CallDirection.OUTGOING) {
            failedOutgoing++;
            events.failed(call, why);
        }
        if (live.isEmpty()) {
            notifyAll();
            if (joinedEver > 0) {
                emptied.complete(null);
            }
        }
    }

    /**
     * Waits until every admitted call has ended and been reported, at most {@code millis}.
     *
     * @return true when none is left
     */
    synchronized boolean awaitNoneLive(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
        while (!live.isEmpty()) {
            long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Completes when every admitted call has ended after at least one joined. */
    CompletableFuture<Void> emptied() {
        return emptied;
    }

    /** The admitted calls that have not ended yet. */
    synchronized List<Call> live() {
        return new ArrayList<>(live);
    }

    synchronized int joinedEver() {
        return joinedEver;
    }

    /** Outgoing calls that ended without joining (rejected, cancelled, unanswered). */
    synchronized int failedOutgoing() {
        return failedOutgoing;
    }
}
