package dev.parley.sip.message;

import java.util.Locale;

/**
 * RFC 3261 §20.15 Content-Type: {@code type "/" subtype *(SEMI m-parameter)}, e.g.
 * {@code application/sdp} or {@code multipart/mixed;boundary=unique-boundary-1}.
 */
public record MediaType(String type, String subtype, Parameters params) {

    public MediaType {
        type = type.toLowerCase(Locale.ROOT);
        subtype = subtype.toLowerCase(Locale.ROOT);
    }

    public static final MediaType SDP = new MediaType("application", "sdp", Parameters.EMPTY);

    /** Whether this is {@code type/subtype} (case-insensitive, parameters ignored). */
    public boolean is(String typeAndSubtype) {
        return (type + "/" + subtype).equalsIgnoreCase(typeAndSubtype);
    }

    @Override
    public String toString() {
        return type + "/" + subtype + params;
    }
}
