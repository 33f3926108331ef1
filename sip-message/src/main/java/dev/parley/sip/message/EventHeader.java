package dev.parley.sip.message;

import java.util.Optional;

/** RFC 6665 §8.2.1 Event: {@code event-type *( SEMI event-param )}, e.g. {@code refer;id=93809824}. */
public record EventHeader(String eventType, Parameters params) {

    /** The {@code id} parameter that tells subscriptions of one dialog apart. */
    public Optional<String> id() {
        return params.get("id");
    }

    @Override
    public String toString() {
        return eventType + params;
    }
}
