package dev.parley.sip.message;

/**
 * A URI as SIP carries it: {@link SipUri} ({@code sip:}/{@code sips:}), {@link TelUri}
 * ({@code tel:}, RFC 3966), or any other scheme kept as an opaque {@link AbsoluteUri}
 * (RFC 3261 §19: unknown schemes are legal, RFC 4475 §3.3.2).
 */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {

    /** The scheme in lower case. */
    String scheme();

    /** Whether {@code other} is the same resource under the comparison rules of the scheme. */
    boolean isEquivalent(Uri other);

    /** The wire form. */
    @Override
    String toString();

    /** Parses an absolute URI; throws {@link SipParseException} with reason BAD_URI. */
    static Uri parse(String text) {
        return UriParser.parseWhole(text);
    }
}
