package dev.parley.sdp;

import dev.parley.sdp.internal.LazyAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One media section (RFC 8866 §5.14): {@code m=<media> <port>[/<count>] <proto> <fmt> ...}
 * followed by its own i=, c=, b=, k= and a= lines.
 *
 * @param portCount the {@code /<number of ports>} suffix, or 0 when absent
 * @param information the {@code i=} media title, or null
 * @param connection the media-level {@code c=}, or null to use the session's
 * @param encryptionKey the obsolete {@code k=} line's value, or null
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
                               String information, Connection connection, List<Bandwidth> bandwidths,
                               String encryptionKey, List<Attribute> attributes, List<UnknownLine> unknownLines) {
    public MediaDescription {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(proto, "proto");
        // RFC 8866 §5.14: the port is a 16-bit UDP/TCP port; 0 rejects or disables the stream (RFC 3264 §5.1).
        if (port < 0 || port > 65_535 || portCount < 0) {
            throw new IllegalArgumentException("port out of range: " + port + "/" + portCount);
        }
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            // RFC 8866 §5.14: an m= line lists at least one format.
            throw new IllegalArgumentException("an m= line needs at least one format");
        }
        bandwidths = List.copyOf(bandwidths);
        attributes = LazyAttributes.copyOf(attributes);
        unknownLines = List.copyOf(unknownLines);
    }

    /** A section with only the m= line fields and attributes. */
    public static MediaDescription of(String media, int port, String proto, List<String> formats,
                                      List<Attribute> attributes) {
        return new MediaDescription(media, port, 0, proto, formats, null, null, List.of(), null, attributes, List.of());
    }

    /** True if the transport is an RTP profile, so every format is a payload type (RFC 3551 §3). */
    public boolean isRtp() {
        return isRtpProto(proto);
    }

    /** True if {@code proto} names an RTP profile (RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF, …). */
    public static boolean isRtpProto(String proto) {
        return proto.startsWith("RTP/") || proto.contains("/RTP/");
    }

    /** True when the port is 0: the stream is rejected or removed (RFC 3264 §5.1, §6). */
    public boolean isDisabled() {
        return port == 0;
    }

    /** The direction attribute of this section, or null when it has none. */
    public Direction directionAttribute() {
        for (Attribute a : attributes) {
            if (a instanceof Direction d) {
                return d;
            }
        }
        return null;
    }

    /** The first attribute of the given type, or null. */
    public <A extends Attribute> A attribute(Class<A> type) {
        for (Attribute a : attributes) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    /**
     * The rtpmap for a format: the a=rtpmap line if there is one, otherwise the RFC 3551 static
     * assignment, otherwise null.
     */
    public Attribute.Rtpmap rtpmap(String format) {
        for (Attribute a : attributes) {
            if (a instanceof Attribute.Rtpmap r && format.equals(Integer.toString(r.payloadType()))) {
                return r;
            }
        }
        int pt = payloadTypeOf(format);
        return pt < 0 ? null : StaticPayloadTypes.rtpmap(pt);
    }

    /** The fmtp parameters for a format, or null. */
    public String fmtp(String format) {
        for (Attribute a : attributes) {
            if (a instanceof Attribute.Fmtp f && f.format().equals(format)) {
                return f.parameters();
            }
        }
        return null;
    }

    /** This section with another port. */
    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, portCount, proto, formats, information, connection, bandwidths,
                encryptionKey, attributes, unknownLines);
    }

    /** This section with its direction attribute replaced (or added, or removed when {@code d} is null). */
    public MediaDescription withDirection(Direction d) {
        List<Attribute> copy = new ArrayList<>(attributes.size() + 1);
        boolean placed = false;
        for (Attribute a : attributes) {
            if (a instanceof Direction) {
                if (d != null && !placed) {
                    copy.add(d);
                    placed = true;
                }
            } else {
                copy.add(a);
            }
        }
        if (d != null && !placed) {
            copy.add(d);
        }
        return new MediaDescription(media, port, portCount, proto, formats, information, connection, bandwidths,
                encryptionKey, copy, unknownLines);
    }

    static int payloadTypeOf(String format) {
        int n = format.length();
        if (n == 0 || n > 3) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = format.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 127 ? v : -1;
    }
}
