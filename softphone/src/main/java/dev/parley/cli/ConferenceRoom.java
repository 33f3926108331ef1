package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.CallDirection;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallState;
import dev.parley.ua.Conference;
import dev.parley.ua.EndCause;
import dev.parley.ua.PhoneListener;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The bookkeeping of {@code parley conference}: which calls are admitted (ringing or in the room,
 * at most {@code maxParticipants}), which joined, which left, and whether the room has emptied
 * after someone joined. An admitted call joins the {@link Conference} when it is established
 * ({@link CallState#CONNECTED}) and leaves it when it ends (the conference drops an ended call by
 * itself). When a participant's peer transfers us (RFC 3515), ua-core hands the participant's place
 * to the new call; the room follows the new call the same way.
 *
 * <p>Thread-safe: calls are admitted by the command's thread and the phone's event thread, and
 * end on the phone's threads. As a {@link PhoneListener} it runs on the phone's event thread,
 * after the JSON printer, so "answered" is printed before "joined".
 */
final class ConferenceRoom implements PhoneListener {

    private final int maxParticipants;
    private final ConferenceEvents events;
    /** Admitted calls that have not ended: still being set up, or in the room. */
    private final Set<Call> live = new LinkedHashSet<>();
    private final Set<Call> inRoom = new LinkedHashSet<>();
    /** Live calls that a transfer made (not ours to count as failed if they never join). */
    private final Set<Call> replacements = new LinkedHashSet<>();
    private final CompletableFuture<Void> emptied = new CompletableFuture<>();
    private Conference conference;
    private int joinedEver;
    private int failedOutgoing;

    ConferenceRoom(int maxParticipants, ConferenceEvents events) {
        if (maxParticipants < 1 || maxParticipants > Conference.MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("maxParticipants must be 1 to " + Conference.MAX_PARTICIPANTS);
        }
        this.maxParticipants = maxParticipants;
        this.events = events;
    }

    /** Opens the room on {@code conference}; no call is admitted before. */
    synchronized void open(Conference conference) {
        this.conference = conference;
    }

    /**
     * Takes {@code call} into account before it is started or answered, and has it leave when it
     * ends.
     *
     * @return false when the room is full or not open (the caller should refuse the call)
     */
    boolean admit(Call call) {
        synchronized (this) {
            if (conference == null || live.size() >= maxParticipants) {
                return false;
            }
            live.add(call);
        }
        call.ended().whenComplete((end, e) -> ended(call, end));
        return true;
    }

    @Override
    public void onCallStateChanged(Call call, CallState state) {
        if (state == CallState.CONNECTED) {
            join(call); // also after an unhold: then it is in the room already
        }
        synchronized (this) {
            notifyAll(); // awaitOnlyUnanswered watches calls leave CALLING
        }
    }

    /**
     * The peer of a participant transferred us (RFC 3515, RFC 5589 §6): {@code replacement}, our
     * call to the transfer target, takes {@code previous}'s place (beyond the bound: a place is
     * being freed) and joins when answered.
     */
    @Override
    public void onCallTransferred(Call previous, Call replacement) {
        synchronized (this) {
            if (!inRoom.contains(previous) || live.contains(replacement)) {
                return;
            }
            live.add(replacement);
            replacements.add(replacement);
        }
        replacement.ended().whenComplete((end, e) -> ended(replacement, end));
        if (replacement.state() == CallState.CONNECTED) {
            join(replacement);
        }
    }

    /** Puts an admitted, established call into the conference (once). */
    private synchronized void join(Call call) {
        if (!live.contains(call) || inRoom.contains(call)) {
            return; // not ours, ended meanwhile, or joined already
        }
        try {
            conference.add(call); // a no-op for a replacement that ua-core moved in already
        } catch (IllegalStateException e) {
            return; // Lenient: the call ended between the answer and now; ended() reports it
        }
        inRoom.add(call);
        joinedEver++;
        events.joined(call, inRoom.size());
    }

    private synchronized void ended(Call call, CallEnd end) {
        if (!live.remove(call)) {
            return;
        }
        CallEnd why = end != null ? end : call.end().orElse(CallEnd.of(EndCause.PHONE_CLOSED, "unknown"));
        boolean replacement = replacements.remove(call);
        if (inRoom.remove(call)) {
            events.left(call, why, inRoom.size());
        } else if (call.direction() == CallDirection.OUTGOING && !replacement) {
            failedOutgoing++;
            events.failed(call, why);
        }
        notifyAll(); // awaitOnlyUnanswered counts the calls left
        if (live.isEmpty() && joinedEver > 0) {
            emptied.complete(null);
        }
    }

    /** Completes when every admitted call has ended after at least one joined. */
    CompletableFuture<Void> emptied() {
        return emptied;
    }

    /**
     * Waits until every admitted call has ended, or is an outgoing call still without a response
     * to its INVITE ({@link CallState#CALLING}), at most {@code millis}. Those can only be
     * abandoned: no CANCEL may be sent before a provisional response (RFC 3261 §9.1).
     *
     * @return true when no other call is left
     */
    synchronized boolean awaitOnlyUnanswered(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!live.stream().allMatch(c -> c.state() == CallState.CALLING)) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /**
     * Gives up the admitted calls still without any response (CALLING): they are reported now and
     * counted as failed (unless a transfer made them), instead of when their INVITE times out
     * (Timer B, 64×T1 = 32 s, RFC 3261 §17.1.1.2); closing the phone then ends them without a
     * CANCEL (RFC 3261 §9.1).
     *
     * @return the calls given up
     */
    synchronized List<Call> abandonUnanswered() {
        List<Call> abandoned = new ArrayList<>();
        for (Call call : live) {
            if (call.state() == CallState.CALLING) {
                abandoned.add(call);
            }
        }
        for (Call call : abandoned) {
            live.remove(call); // its end, when the phone closes, is no longer ours to report
            if (!replacements.remove(call)) {
                failedOutgoing++;
            }
            events.abandoned(call);
        }
        if (!abandoned.isEmpty() && live.isEmpty()) {
            notifyAll();
        }
        return abandoned;
    }

    /** The admitted calls that have not ended yet. */
    synchronized List<Call> live() {
        return new ArrayList<>(live);
    }

    synchronized int joinedEver() {
        return joinedEver;
    }

    /** Calls we placed (not a transfer) that ended without joining: rejected, cancelled, unanswered. */
    synchronized int failedOutgoing() {
        return failedOutgoing;
    }
}
