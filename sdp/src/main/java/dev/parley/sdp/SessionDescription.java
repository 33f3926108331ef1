package dev.parley.sdp;

import dev.parley.sdp.internal.LazyAttributes;
import dev.parley.sdp.internal.SdpParser;
import dev.parley.sdp.internal.SdpWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A whole session description (RFC 8866 §5), immutable. The protocol version is always 0 and
 * not stored. Optional single lines are null when absent; repeated lines are lists in the order read.
 *
 * @param sessionName the {@code s=} text, kept exactly (RFC 4317 writes a single space, RFC 3264 nothing)
 * @param information the session {@code i=}, or null
 * @param uri the {@code u=}, or null
 * @param connection the session-level {@code c=}, or null (then every media section needs its own)
 * @param timeZones the {@code z=} value as written, or null
 * @param encryptionKey the obsolete {@code k=} value, or null
 */
public record SessionDescription(Origin origin, String sessionName, String information, String uri,
                                 List<String> emails, List<String> phones, Connection connection,
                                 List<Bandwidth> bandwidths, List<Timing> timings, String timeZones,
                                 String encryptionKey, List<Attribute> attributes, List<UnknownLine> unknownLines,
                                 List<MediaDescription> media) {
    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sessionName, "sessionName");
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        bandwidths = List.copyOf(bandwidths);
        timings = List.copyOf(timings);
        attributes = LazyAttributes.copyOf(attributes);
        unknownLines = List.copyOf(unknownLines);
        media = List.copyOf(media);
    }

    /** A description with the lines a call needs: o=, s=, c=, t=0 0, session attributes and media. */
    public static SessionDescription of(Origin origin, String sessionName, Connection connection,
                                        List<Attribute> attributes, List<MediaDescription> media) {
        return new SessionDescription(origin, sessionName, null, null, List.of(), List.of(), connection, List.of(),
                List.of(Timing.PERMANENT), null, null, attributes, List.of(), media);
    }

    /** Starts a builder for the common case: one audio stream at {@code address:port}. */
    public static AudioSessionBuilder audio(String address, int port) {
        return new AudioSessionBuilder(address, port);
    }

    /** Parses UTF-8 SDP with the default limits. Throws only {@link SdpParseException}. */
    public static SessionDescription parse(byte[] sdp, int offset, int length) {
        return SdpParser.parse(sdp, offset, length, SdpLimits.DEFAULT);
    }

    /** Parses UTF-8 SDP with explicit limits. Throws only {@link SdpParseException}. */
    public static SessionDescription parse(byte[] sdp, int offset, int length, SdpLimits limits) {
        return SdpParser.parse(sdp, offset, length, limits);
    }

    /** Parses SDP text. Throws only {@link SdpParseException}. */
    public static SessionDescription parse(String sdp) {
        byte[] bytes = sdp.getBytes(StandardCharsets.UTF_8);
        return SdpParser.parse(bytes, 0, bytes.length, SdpLimits.DEFAULT);
    }

    /** The description as text: CRLF line ends, lines in RFC 8866 §5 order. */
    public String encode() {
        return SdpWriter.write(this);
    }

    /** The description as UTF-8 bytes, ready for a SIP body. */
    public byte[] toBytes() {
        return encode().getBytes(StandardCharsets.UTF_8);
    }

    /** The session-level direction attribute, or null. */
    public Direction directionAttribute() {
        for (Attribute a : attributes) {
            if (a instanceof Direction d) {
                return d;
            }
        }
        return null;
    }

    /**
     * The direction in force for a media section: its own attribute, else the session's, else
     * sendrecv (RFC 8866 §6.7).
     */
    public Direction directionOf(MediaDescription m) {
        Direction own = m.directionAttribute();
        if (own != null) {
            return own;
        }
        Direction session = directionAttribute();
        return session != null ? session : Direction.SENDRECV;
    }

    /** The connection in force for a media section: its own c=, else the session's (RFC 8866 §5.7), else null. */
    public Connection connectionOf(MediaDescription m) {
        return m.connection() != null ? m.connection() : connection;
    }

    /** This description with another origin. */
    public SessionDescription withOrigin(Origin o) {
        return new SessionDescription(o, sessionName, information, uri, emails, phones, connection, bandwidths, timings,
                timeZones, encryptionKey, attributes, unknownLines, media);
    }

    /** This description with other media sections. */
    public SessionDescription withMedia(List<MediaDescription> m) {
        return new SessionDescription(origin, sessionName, information, uri, emails, phones, connection, bandwidths,
                timings, timeZones, encryptionKey, attributes, unknownLines, m);
    }

    /**
     * True if the two descriptions are equal apart from the o= version: RFC 3264 §8 increments
     * the version exactly when this is false.
     */
    public boolean sameContentAs(SessionDescription other) {
        return withOrigin(origin.withSessionVersion(0)).equals(other.withOrigin(other.origin.withSessionVersion(0)));
    }
}
