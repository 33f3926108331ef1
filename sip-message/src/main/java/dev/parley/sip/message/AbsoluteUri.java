package dev.parley.sip.message;

import java.util.Locale;

/**
 * A URI of a scheme Parley does not interpret (RFC 3261 §25.1 absoluteURI), kept verbatim.
 *
 * @param scheme the scheme, lower case
 * @param schemeSpecificPart everything after the colon, exactly as received
 */
public record AbsoluteUri(String scheme, String schemeSpecificPart) implements Uri {

    public AbsoluteUri {
        scheme = scheme.toLowerCase(Locale.ROOT);
    }

    /** RFC 3986 §6.2.1: without scheme knowledge, equal means the same characters (scheme aside). */
    @Override
    public boolean isEquivalent(Uri other) {
        return equals(other);
    }

    @Override
    public String toString() {
        return scheme + ':' + schemeSpecificPart;
    }
}
