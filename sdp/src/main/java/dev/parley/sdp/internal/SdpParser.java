package dev.parley.sdp.internal;

import dev.parley.sdp.Attribute;
import dev.parley.sdp.Bandwidth;
import dev.parley.sdp.Connection;
import dev.parley.sdp.MediaDescription;
import dev.parley.sdp.Origin;
import dev.parley.sdp.SdpLimits;
import dev.parley.sdp.SdpParseException;
import dev.parley.sdp.SdpParseException.Reason;
import dev.parley.sdp.SessionDescription;
import dev.parley.sdp.UnknownLine;
import java.util.List;
import java.util.Objects;

/**
 * RFC 8866 §5 parser: the state machine over the lines {@link SdpLines} reads, one pass.
 *
 * <pre>
 * session-description = v= o= s= [i=] [u=] *e= *p= [c=] *b= 1*(t= *r=) [z=] [k=] *a= *media
 * media-description   = m= [i=] *c= *b= [k=] *a=
 *
 * state      line           action
 * START      v=0            -> SESSION        anything else: MISSING_VERSION
 * SESSION    o s i u e p c b t r z k a     fill the session (any order: Lenient)
 * SESSION    m=             -> MEDIA          open the first media section
 * MEDIA      i c b k a      fill the current media section
 * MEDIA      m=             open the next media section
 * MEDIA      v o s          DUPLICATE_LINE (or MISSING_* if never seen)
 * any        unknown letter keep as UnknownLine in the current section
 * </pre>
 *
 * Strict where meaning breaks (RFC 8866 §5): v/o/s present, o= six fields, numeric ports,
 * RTP formats that are payload types, attribute names not empty. Lenient elsewhere: LF-only line
 * ends, trailing blanks, empty lines, known lines out of order, unknown line types, empty s=.
 * {@code a=} values are typed on first use ({@link LazyAttributes}).
 */
public final class SdpParser {
    private final byte[] b;
    private final SdpLimits limits;
    private final SdpLines lines;
    private final AttributeLines attributes;
    private final TimingLines timings = new TimingLines();

    // Session state.
    private Origin origin;
    /** The o= value, {@code b[originStart..originEnd)}, blanks trimmed at the end. */
    private int originStart;
    private int originEnd;
    private String sessionName;
    private String information;
    private String uri;
    private Items<String> emails;
    private Items<String> phones;
    private Connection connection;
    private Items<Bandwidth> bandwidths;
    private String timeZones;
    private String key;
    private List<Attribute> sessionAttributes = List.of();
    private Items<UnknownLine> unknown;
    private int sessionLines;
    private Items<MediaDescription> media;
    private MediaSection current;

    private SdpParser(byte[] b, int off, int end, SdpLimits limits) {
        this.b = b;
        this.limits = limits;
        this.lines = new SdpLines(b, off, end);
        this.attributes = new AttributeLines(b, end);
    }

    /** Parses {@code b[off..off+len)}. Throws only {@link SdpParseException} for bad input. */
    public static SessionDescription parse(byte[] b, int off, int len, SdpLimits limits) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len > limits.maxBytes()) {
            throw new SdpParseException(Reason.TOO_LARGE, 0, off, len + " bytes");
        }
        return new SdpParser(b, off, off + len, limits).run(off);
    }

    private SessionDescription run(int off) {
        if (!lines.next()) {
            throw new SdpParseException(Reason.EMPTY, 0, off, "");
        }
        if (lines.type() != 'v') {
            throw lines.error(Reason.MISSING_VERSION);
        }
        // RFC 8866 §5.1: v=0 is the only version.
        int v = lines.valueStart();
        if (!Ascii.equals(b, v, Ascii.trimEnd(b, v, lines.valueEnd()), "0")) {
            throw lines.error(Reason.BAD_VERSION);
        }
        while (lines.next()) {
            char type = lines.type();
            if (type == 'a') {
                // The most frequent line and the cheapest: checked here, without the per-section dispatch.
                countLine();
                attribute(lines.valueStart(), lines.valueEnd());
            } else if (current == null) {
                sessionLine(type, lines.valueStart(), lines.valueEnd());
            } else {
                mediaLine(type, lines.valueStart(), lines.valueEnd());
            }
        }
        if (current == null) {
            sessionAttributes = attributes.take();
        }
        finishMedia();
        if (origin == null) {
            throw lines.missing(Reason.MISSING_ORIGIN, "no o= line");
        }
        if (sessionName == null) {
            throw lines.missing(Reason.MISSING_SESSION_NAME, "no s= line");
        }
        return new SessionDescription(origin, sessionName, information, uri, Items.list(emails),
                Items.list(phones), connection, Items.list(bandwidths), timings.toList(), timeZones, key,
                sessionAttributes, Items.list(unknown), Items.list(media));
    }

    /** Counts an a= line against {@link SdpLimits#maxLinesPerSection()} in the section being read. */
    private void countLine() {
        int n = current == null ? ++sessionLines : ++current.lines;
        if (n > limits.maxLinesPerSection()) {
            throw lines.error(Reason.TOO_LARGE);
        }
    }

    /** A line of the session part, other than a= ({@link #run}). */
    private void sessionLine(char type, int v, int e) {
        if (type != 'm' && type != 'r' && ++sessionLines > limits.maxLinesPerSection()) {
            throw lines.error(Reason.TOO_LARGE);
        }
        switch (type) {
            case 'v' -> throw lines.error(Reason.DUPLICATE_LINE);
            case 'o' -> {
                if (origin != null) {
                    throw lines.error(Reason.DUPLICATE_LINE);
                }
                origin = origin(v, e);
            }
            case 's' -> sessionName = once(sessionName, v, e);
            case 'i' -> information = once(information, v, e);
            case 'u' -> uri = once(uri, v, e);
            case 'e' -> (emails = Items.orNew(emails)).add(Ascii.text(b, v, e));
            case 'p' -> (phones = Items.orNew(phones)).add(Ascii.text(b, v, e));
            case 'c' -> {
                if (connection != null) {
                    throw lines.error(Reason.DUPLICATE_LINE);
                }
                connection = connection(v, e);
            }
            case 'b' -> (bandwidths = Items.orNew(bandwidths)).add(bandwidth(v, e));
            case 't' -> timings.time(b, v, e, lines);
            case 'r' -> timings.repeat(b, v, e, limits.maxLinesPerSection(), lines);
            case 'z' -> timeZones = once(timeZones, v, e);
            case 'k' -> key = once(key, v, e);
            case 'm' -> {
                sessionAttributes = attributes.take();
                current = media(v, e);
            }
            default -> (unknown = Items.orNew(unknown)).add(new UnknownLine(type, Ascii.text(b, v, e)));
        }
    }

    /** A line of the current media section, other than a= ({@link #run}). */
    private void mediaLine(char type, int v, int e) {
        MediaSection m = current;
        if (type != 'm' && ++m.lines > limits.maxLinesPerSection()) {
            throw lines.error(Reason.TOO_LARGE);
        }
        switch (type) {
            case 'm' -> {
                finishMedia();
                current = media(v, e);
            }
            case 'v' -> throw lines.error(Reason.DUPLICATE_LINE);
            case 'o' -> throw lines.error(origin == null ? Reason.MISSING_ORIGIN : Reason.DUPLICATE_LINE);
            case 's' -> throw lines.error(sessionName == null ? Reason.MISSING_SESSION_NAME : Reason.DUPLICATE_LINE);
            case 'i' -> m.information = once(m.information, v, e);
            case 'c' -> {
                if (m.connection == null) {
                    m.connection = connection(v, e);
                } else {
                    // Lenient: RFC 8866 §5.7 allows several c= for layered multicast; extra ones are kept as is.
                    (m.unknown = Items.orNew(m.unknown)).add(new UnknownLine('c', Ascii.text(b, v, e)));
                }
            }
            case 'b' -> (m.bandwidths = Items.orNew(m.bandwidths)).add(bandwidth(v, e));
            case 'k' -> m.key = once(m.key, v, e);
            // Lenient: session-only lines (t, r, z, u, e, p) inside a media section are kept, not rejected.
            default -> (m.unknown = Items.orNew(m.unknown)).add(new UnknownLine(type, Ascii.text(b, v, e)));
        }
    }

    private String once(String previous, int v, int e) {
        if (previous != null) {
            throw lines.error(Reason.DUPLICATE_LINE);
        }
        // Free text is kept exactly, trailing blanks included (RFC 4317's "s= ").
        return Ascii.text(b, v, e);
    }

    private Origin origin(int v, int e) {
        Origin o = FieldParser.origin(b, v, e);
        if (o == null) {
            throw lines.error(Reason.BAD_ORIGIN);
        }
        originStart = v;
        originEnd = Ascii.trimEnd(b, v, e);
        return o;
    }

    private Connection connection(int v, int e) {
        Connection c = FieldParser.connection(b, v, e, origin == null ? null : origin.address(),
                originStart, originEnd);
        if (c == null) {
            throw lines.error(Reason.BAD_CONNECTION);
        }
        return c;
    }

    private Bandwidth bandwidth(int v, int e) {
        Bandwidth bw = FieldParser.bandwidth(b, v, e);
        if (bw == null) {
            throw lines.error(Reason.BAD_BANDWIDTH);
        }
        return bw;
    }

    private void attribute(int v, int e) {
        if (!attributes.add(v, e)) {
            throw lines.error(Reason.BAD_ATTRIBUTE);
        }
    }

    private MediaSection media(int v, int e) {
        if (media != null && media.size() >= limits.maxMedia()) {
            throw lines.error(Reason.TOO_LARGE);
        }
        return MediaSection.parse(b, v, e, limits.maxFormats(), lines);
    }

    private void finishMedia() {
        if (current != null) {
            (media = Items.orNew(media)).add(current.build(attributes.take()));
            current = null;
        }
    }
}
