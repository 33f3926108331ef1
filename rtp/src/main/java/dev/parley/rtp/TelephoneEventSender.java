package dev.parley.rtp;

/**
 * Plays one RFC 4733 event at a time as a sequence of packets, one per ptime tick. RFC 4733 §2.5.1:
 * every packet of an event carries the event's start timestamp; the first has the marker bit; the
 * duration grows each tick; the final duration is sent three times with the E bit.
 * Single-threaded (the session's thread); never allocates.
 */
final class TelephoneEventSender {

    /** RFC 4733 §2.5.1.4: the end packet is sent three times. */
    static final int END_REPEATS = 3;

    private int event = -1;
    private int volume;
    private int totalDuration;
    private int duration;
    private int endsLeft;
    private boolean first;
    private int timestamp;

    boolean active() {
        return event >= 0;
    }

    /** Starts an event lasting {@code durationUnits} timestamp units at media timestamp {@code ts}. */
    void start(int eventCode, int volumeDbm0, int durationUnits, int ts) {
        event = eventCode;
        volume = volumeDbm0;
        // RFC 4733 §2.5.1.3: longer events need segmenting; Parley caps one event at 0xFFFF units.
        totalDuration = Math.min(durationUnits, 0xFFFF);
        duration = 0;
        endsLeft = END_REPEATS;
        first = true;
        timestamp = ts;
    }

    /** The start timestamp every packet of the current event carries. */
    int timestamp() {
        return timestamp;
    }

    /** Whether the next packet is the first of the event (marker bit). */
    boolean firstPacket() {
        return first;
    }

    /**
     * Advances by one tick of {@code unitsPerTick} and returns the payload word for this tick's
     * packet (see {@link TelephoneEvent#peek}); ends the event after the third end packet.
     */
    int nextPayload(int unitsPerTick) {
        if (!first) {
            duration = Math.min(totalDuration, duration + unitsPerTick);
        } else {
            duration = Math.min(totalDuration, unitsPerTick);
        }
        first = false;
        boolean end = duration >= totalDuration;
        int word = (event << 24) | ((end ? 0x80 : 0) | volume) << 16 | duration;
        if (end && --endsLeft == 0) {
            event = -1;
        }
        return word;
    }
}
