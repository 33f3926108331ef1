package dev.parley.sdp;

/**
 * The static RTP payload types of RFC 3551 §6 (Tables 4 and 5), so that an m= line listing
 * {@code 0} or {@code 8} without an rtpmap is still understood (RFC 8866 §6.6 makes the rtpmap optional for them).
 */
public final class StaticPayloadTypes {
    private static final Attribute.Rtpmap[] TABLE = new Attribute.Rtpmap[35];

    static {
        put(0, "PCMU", 8000, 1);
        put(3, "GSM", 8000, 1);
        put(4, "G723", 8000, 1);
        put(5, "DVI4", 8000, 1);
        put(6, "DVI4", 16000, 1);
        put(7, "LPC", 8000, 1);
        put(8, "PCMA", 8000, 1);
        // RFC 3551 §4.5.2: G.722 samples at 16 kHz but its RTP clock runs at 8000 Hz.
        put(9, "G722", 8000, 1);
        put(10, "L16", 44100, 2);
        put(11, "L16", 44100, 1);
        put(12, "QCELP", 8000, 1);
        put(13, "CN", 8000, 1);
        put(14, "MPA", 90000, 0);
        put(15, "G728", 8000, 1);
        put(16, "DVI4", 11025, 1);
        put(17, "DVI4", 22050, 1);
        put(18, "G729", 8000, 1);
        put(25, "CelB", 90000, 0);
        put(26, "JPEG", 90000, 0);
        put(28, "nv", 90000, 0);
        put(31, "H261", 90000, 0);
        put(32, "MPV", 90000, 0);
        put(33, "MP2T", 90000, 0);
        put(34, "H263", 90000, 0);
    }

    private StaticPayloadTypes() {
    }

    private static void put(int pt, String name, int clock, int channels) {
        TABLE[pt] = new Attribute.Rtpmap(pt, name, clock, channels == 1 ? 0 : channels);
    }

    /** The RFC 3551 assignment of a static payload type, or null if {@code pt} has none. */
    public static Attribute.Rtpmap rtpmap(int pt) {
        return pt >= 0 && pt < TABLE.length ? TABLE[pt] : null;
    }
}
