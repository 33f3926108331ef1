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
import dev.parley.sdp.Timing;
import dev.parley.sdp.UnknownLine;
import java.util.List;
import java.util.Objects;

/**
 * RFC 8866 §5 parser. One pass over the bytes, one line at a time.
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
 * RTP formats that are payload types. Lenient elsewhere: LF-only line ends, trailing blanks,
 * empty lines, known lines out of order, unknown line types, empty s=.
 */
public final class SdpParser {
    private final byte[] b;
    private final SdpLimits limits;
    private final Fields fields;
    private int lineNo;
    private int lineStart;

    // Session state.
    private Origin origin;
    private String sessionName;
    private String information;
    private String uri;
    private Items<String> emails;
    private Items<String> phones;
    private Connection connection;
    private Items<Bandwidth> bandwidths;
    private final Items<Timing> timings = new Items<>();
    private boolean inTiming;
    private Items<String> repeats;
    private long timingStart;
    private long timingStop;
    private String timeZones;
    private String key;
    /** The a= lines of the section being read (session, then each medium), reused across sections. */
    private Object[] sectionAttributes = new Object[16];
    private int sectionAttributeCount;
    private List<Attribute> sessionAttributes = List.of();
    private Items<UnknownLine> unknown;
    private int sessionLines;
    private final Items<MediaDescription> media = new Items<>();
    private MediaSection current;

    private SdpParser(byte[] b, SdpLimits limits) {
        this.b = b;
        this.limits = limits;
        this.fields = new Fields(limits.maxFormats() + 3);
    }

    /** Parses {@code b[off..off+len)}. Throws only {@link SdpParseException} for bad input. */
    public static SessionDescription parse(byte[] b, int off, int len, SdpLimits limits) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len > limits.maxBytes()) {
            throw new SdpParseException(Reason.TOO_LARGE, 0, off, len + " bytes");
        }
        return new SdpParser(b, limits).run(off, off + len);
    }

    private SessionDescription run(int off, int end) {
        boolean seenVersion = false;
        int pos = off;
        while (pos < end) {
            lineStart = pos;
            lineNo++;
            int lf = pos;
            int control = -1; // first NUL or CR in the line
            while (lf < end) {
                byte c = b[lf];
                if ((c & 0xF0) == 0) { // a control byte: LF ends the line, CR or NUL inside it is noted
                    if (c == '\n') {
                        break;
                    }
                    if ((c == '\r' || c == 0) && control < 0) {
                        control = lf;
                    }
                }
                lf++;
            }
            // Lenient: RFC 8866 §5 says CRLF, but a bare LF also ends a line.
            int e = lf > pos && b[lf - 1] == '\r' ? lf - 1 : lf;
            pos = lf + 1;
            if (Ascii.trimEnd(b, lineStart, e) == lineStart && (control < 0 || control >= e)) {
                continue; // Lenient: an empty line carries nothing.
            }
            checkLine(lineStart, e, control);
            char type = (char) b[lineStart];
            int v = lineStart + 2;
            if (!seenVersion) {
                if (type != 'v') {
                    throw error(Reason.MISSING_VERSION);
                }
                // RFC 8866 §5.1: v=0 is the only version.
                if (!Ascii.equals(b, v, Ascii.trimEnd(b, v, e), "0")) {
                    throw error(Reason.BAD_VERSION);
                }
                seenVersion = true;
            } else if (current == null) {
                sessionLine(type, v, e);
            } else {
                mediaLine(type, v, e);
            }
        }
        if (!seenVersion) {
            throw new SdpParseException(Reason.EMPTY, 0, off, "");
        }
        if (current == null) {
            sessionAttributes = takeAttributes();
        }
        finishMedia();
        finishTiming();
        if (origin == null) {
            throw new SdpParseException(Reason.MISSING_ORIGIN, lineNo, lineStart, "no o= line");
        }
        if (sessionName == null) {
            throw new SdpParseException(Reason.MISSING_SESSION_NAME, lineNo, lineStart, "no s= line");
        }
        return new SessionDescription(origin, sessionName, information, uri, Items.list(emails),
                Items.list(phones), connection, Items.list(bandwidths), timings.toList(), timeZones, key,
                sessionAttributes, Items.list(unknown), media.toList());
    }

    /** RFC 8866 §5: {@code <type>=<value>}, type one letter, no NUL or CR inside the line. */
    private void checkLine(int s, int e, int control) {
        if (e - s < 2 || b[s + 1] != '=' || !isLetter(b[s]) || (control >= 0 && control < e)) {
            throw error(Reason.MALFORMED_LINE);
        }
    }

    private void sessionLine(char type, int v, int e) {
        if (type != 'm' && type != 'r' && ++sessionLines > limits.maxLinesPerSection()) {
            throw error(Reason.TOO_LARGE);
        }
        switch (type) {
            case 'v' -> throw error(Reason.DUPLICATE_LINE);
            case 'o' -> {
                if (origin != null) {
                    throw error(Reason.DUPLICATE_LINE);
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
                    throw error(Reason.DUPLICATE_LINE);
                }
                connection = connection(v, e);
            }
            case 'b' -> (bandwidths = Items.orNew(bandwidths)).add(bandwidth(v, e));
            case 't' -> {
                finishTiming();
                if (fields.split(b, v, e, 2) != 2) {
                    throw error(Reason.BAD_TIMING);
                }
                timingStart = fields.number(b, 0, 18);
                timingStop = fields.number(b, 1, 18);
                if (timingStart < 0 || timingStop < 0) {
                    throw error(Reason.BAD_TIMING);
                }
                inTiming = true;
            }
            case 'r' -> {
                // RFC 8866 §5.10: r= repeats the t= line just before it.
                if (!inTiming) {
                    throw error(Reason.BAD_TIMING);
                }
                repeats = Items.orNew(repeats);
                if (repeats.size() >= limits.maxLinesPerSection()) {
                    throw error(Reason.TOO_LARGE);
                }
                repeats.add(Ascii.text(b, v, e));
            }
            case 'z' -> timeZones = once(timeZones, v, e);
            case 'k' -> key = once(key, v, e);
            case 'a' -> addAttribute(attribute(v, e));
            case 'm' -> {
                sessionAttributes = takeAttributes();
                current = media(v, e);
            }
            default -> (unknown = Items.orNew(unknown)).add(new UnknownLine(type, Ascii.text(b, v, e)));
        }
    }

    private void mediaLine(char type, int v, int e) {
        MediaSection m = current;
        if (type != 'm' && ++m.lines > limits.maxLinesPerSection()) {
            throw error(Reason.TOO_LARGE);
        }
        switch (type) {
            case 'm' -> {
                finishMedia();
                current = media(v, e);
            }
            case 'v' -> throw error(Reason.DUPLICATE_LINE);
            case 'o' -> throw error(origin == null ? Reason.MISSING_ORIGIN : Reason.DUPLICATE_LINE);
            case 's' -> throw error(sessionName == null ? Reason.MISSING_SESSION_NAME : Reason.DUPLICATE_LINE);
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
            case 'a' -> addAttribute(attribute(v, e));
            // Lenient: session-only lines (t, r, z, u, e, p) inside a media section are kept, not rejected.
            default -> (m.unknown = Items.orNew(m.unknown)).add(new UnknownLine(type, Ascii.text(b, v, e)));
        }
    }

    private String once(String previous, int v, int e) {
        if (previous != null) {
            throw error(Reason.DUPLICATE_LINE);
        }
        // Free text is kept exactly, trailing blanks included (RFC 4317's "s= ").
        return Ascii.text(b, v, e);
    }

    private Origin origin(int v, int e) {
        Origin o = FieldParser.origin(b, v, e, fields);
        if (o == null) {
            throw error(Reason.BAD_ORIGIN);
        }
        return o;
    }

    private Connection connection(int v, int e) {
        Connection c = FieldParser.connection(b, v, e, fields, origin == null ? null : origin.address());
        if (c == null) {
            throw error(Reason.BAD_CONNECTION);
        }
        return c;
    }

    private Bandwidth bandwidth(int v, int e) {
        Bandwidth bw = FieldParser.bandwidth(b, v, e);
        if (bw == null) {
            throw error(Reason.BAD_BANDWIDTH);
        }
        return bw;
    }

    private Attribute attribute(int v, int e) {
        Attribute a = AttributeParser.parse(b, v, e, fields);
        if (a == null) {
            throw error(Reason.BAD_ATTRIBUTE);
        }
        return a;
    }

    /** RFC 8866 §5.14: m=media port[/number of ports] proto 1*(SP fmt). */
    private MediaSection media(int v, int e) {
        if (media.size() >= limits.maxMedia()) {
            throw error(Reason.TOO_LARGE);
        }
        int n = fields.split(b, v, e, limits.maxFormats() + 3);
        if (n < 0) {
            throw error(Reason.TOO_LARGE);
        }
        if (n < 4) {
            throw error(Reason.BAD_MEDIA);
        }
        int ps = fields.start[1];
        int pe = fields.end[1];
        int slash = ps;
        while (slash < pe && b[slash] != '/') {
            slash++;
        }
        long port = Ascii.number(b, ps, slash, 5);
        long count = slash < pe ? Ascii.number(b, slash + 1, pe, 5) : 0;
        if (port < 0 || port > 65_535 || count < 0 || (slash < pe && count == 0)) {
            throw error(Reason.BAD_PORT);
        }
        MediaSection m = new MediaSection(fields.text(b, 0), (int) port, (int) count, fields.text(b, 2), n - 3);
        boolean rtp = MediaDescription.isRtpProto(m.proto);
        for (int i = 3; i < n; i++) {
            if (rtp) {
                // RFC 3551 §3 / RFC 8866 §5.14: with an RTP profile each format is a payload type 0..127.
                long pt = fields.number(b, i, 3);
                if (pt < 0 || pt > 127) {
                    throw error(Reason.BAD_PAYLOAD_TYPE);
                }
            }
            m.formats[i - 3] = fields.text(b, i);
        }
        return m;
    }

    private void finishMedia() {
        if (current != null) {
            media.add(current.build(takeAttributes()));
            current = null;
        }
    }

    private void addAttribute(Attribute a) {
        if (sectionAttributeCount == sectionAttributes.length) {
            sectionAttributes = java.util.Arrays.copyOf(sectionAttributes, sectionAttributeCount * 2);
        }
        sectionAttributes[sectionAttributeCount++] = a;
    }

    private List<Attribute> takeAttributes() {
        List<Attribute> list = Items.exactList(sectionAttributes, sectionAttributeCount);
        sectionAttributeCount = 0;
        return list;
    }

    private void finishTiming() {
        if (inTiming) {
            boolean permanent = timingStart == 0 && timingStop == 0 && repeats == null;
            timings.add(permanent ? Timing.PERMANENT : new Timing(timingStart, timingStop, Items.list(repeats)));
            inTiming = false;
            repeats = null;
        }
    }

    private SdpParseException error(Reason reason) {
        int e = lineStart;
        while (e < b.length && b[e] != '\n' && b[e] != '\r') {
            e++;
        }
        return new SdpParseException(reason, lineNo, lineStart, Ascii.excerpt(b, lineStart, e));
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
