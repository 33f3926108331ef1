package dev.parley.ua;

import java.util.Objects;

/**
 * One end of a call as the From or To header names it.
 *
 * @param displayName the display name, or an empty string when there is none
 * @param uri         the address, e.g. {@code sip:alice@example.com}
 */
public record Party(String displayName, String uri) {

    public Party {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(uri, "uri");
    }

    @Override
    public String toString() {
        return displayName.isEmpty() ? "<" + uri + ">" : "\"" + displayName + "\" <" + uri + ">";
    }
}
