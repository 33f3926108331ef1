package dev.parley.sip.message;

import java.util.Optional;

/**
 * RFC 3261 §25.1 {@code ( name-addr / addr-spec ) *( SEMI params )}, the value of From, To,
 * Contact, Route, Record-Route, Refer-To and Referred-By.
 *
 * @param displayName the display name, unquoted, or {@code null}
 * @param uri         the address
 * @param params      header parameters after the address ({@code tag}, {@code expires}...)
 */
public record NameAddr(String displayName, Uri uri, Parameters params) {

    public NameAddr {
        if (uri == null || params == null) {
            throw new IllegalArgumentException("NameAddr needs a URI and parameters");
        }
    }

    public static NameAddr of(Uri uri) {
        return new NameAddr(null, uri, Parameters.EMPTY);
    }

    public static NameAddr of(String displayName, Uri uri) {
        return new NameAddr(displayName, uri, Parameters.EMPTY);
    }

    /** Parses a single value (From, To, one Route element...). */
    public static NameAddr parse(String text) {
        return NameAddrParser.nameAddr(dev.parley.sip.message.internal.Cursor.of(text), false);
    }

    /** RFC 3261 §19.3: the tag parameter of From and To. */
    public Optional<String> tag() {
        return params.get("tag");
    }

    public NameAddr withTag(String tag) {
        return withParam("tag", tag);
    }

    public NameAddr withParam(String name, String value) {
        return new NameAddr(displayName, uri, params.with(name, value));
    }

    /** Wire form, always with angle brackets so that URI parameters stay URI parameters (§20.10). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        if (displayName != null) {
            Quoting.appendQuoted(sb, displayName);
            sb.append(' ');
        }
        return sb.append('<').append(uri).append('>').append(params).toString();
    }
}
