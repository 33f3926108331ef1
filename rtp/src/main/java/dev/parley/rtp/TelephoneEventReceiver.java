package dev.parley.rtp;

/**
 * Turns received RFC 4733 packets into events reported once each. RFC 4733 §2.5.2: packets of one
 * event share a timestamp, so a new timestamp is a new event; retransmitted end packets are
 * ignored; an event whose end packets were all lost is reported after {@code timeoutNanos} without
 * an update. Single-threaded; never allocates.
 */
final class TelephoneEventReceiver {

    /** Receives finished events. */
    interface Sink {
        void event(int event, int durationUnits);
    }

    private final long timeoutNanos;
    private boolean haveEvent;
    private boolean reported;
    private int timestamp;
    private int event;
    private int duration;
    private long lastUpdate;

    TelephoneEventReceiver(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** Handles one event payload word received at {@code now}. */
    void onPacket(int ts, long word, long now, Sink sink) {
        if (!haveEvent || ts != timestamp) {
            // A new event: the previous one, if never ended, ends now.
            if (haveEvent && ts - timestamp < 0) {
                return; // RFC 4733 §2.5.2.1: a packet of an older event arriving late
            }
            flush(sink);
            haveEvent = true;
            reported = false;
            timestamp = ts;
            event = TelephoneEvent.eventOf(word);
            duration = 0;
        }
        if (reported) {
            return; // RFC 4733 §2.5.1.4: the repeated end packets are duplicates
        }
        duration = Math.max(duration, TelephoneEvent.durationOf(word));
        lastUpdate = now;
        if (TelephoneEvent.endOf(word)) {
            reported = true;
            sink.event(event, duration);
        }
    }

    /** Reports an event whose end was lost once nothing has been heard for the timeout. */
    void onTick(long now, Sink sink) {
        if (haveEvent && !reported && now - lastUpdate >= timeoutNanos) {
            flush(sink);
        }
    }

    private void flush(Sink sink) {
        if (haveEvent && !reported) {
            reported = true;
            sink.event(event, duration);
        }
    }
}
