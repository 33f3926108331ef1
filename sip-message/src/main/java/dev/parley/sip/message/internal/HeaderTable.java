package dev.parley.sip.message.internal;

import java.nio.charset.StandardCharsets;

/**
 * The header names Parley knows: long form, compact form (RFC 3261 §7.3.3 and the IANA
 * registry), and whether the value is a comma-separated list (§7.3.1). Ids are small integers
 * stored in the header index so that lookups compare ints, not strings; 0 means unknown.
 */
public final class HeaderTable {

    // id order = declaration order, starting at 1.
    private static final String[][] KNOWN = {
        // long name, compact form ("" if none), "L" if a comma-separated list
        {"Via", "v", "L"},
        {"From", "f", ""},
        {"To", "t", ""},
        {"Call-ID", "i", ""},
        {"CSeq", "", ""},
        {"Max-Forwards", "", ""},
        {"Contact", "m", "L"},
        {"Route", "", "L"},
        {"Record-Route", "", "L"},
        {"Content-Length", "l", ""},
        {"Content-Type", "c", ""},
        {"Content-Encoding", "e", "L"},
        {"Expires", "", ""},
        {"Min-Expires", "", ""},
        {"Allow", "", "L"},
        {"Supported", "k", "L"},
        {"Require", "", "L"},
        {"Proxy-Require", "", "L"},
        {"Unsupported", "", "L"},
        {"Event", "o", ""},
        {"Allow-Events", "u", "L"},
        {"Subscription-State", "", ""},
        {"Refer-To", "r", ""},
        {"Referred-By", "b", ""},
        {"Replaces", "", ""},
        {"Subject", "s", ""},
        {"Accept", "", "L"},
        {"Accept-Encoding", "", "L"},
        {"Accept-Language", "", "L"},
        {"Accept-Contact", "a", "L"},
        {"Reject-Contact", "j", "L"},
        {"Request-Disposition", "d", "L"},
        {"Session-Expires", "x", ""},
        {"Identity", "y", ""},
        {"Identity-Info", "n", ""},
        {"WWW-Authenticate", "", ""},
        {"Authorization", "", ""},
        {"Proxy-Authenticate", "", ""},
        {"Proxy-Authorization", "", ""},
        {"Authentication-Info", "", ""},
        {"Date", "", ""},
        {"Timestamp", "", ""},
        {"User-Agent", "", ""},
        {"Server", "", ""},
        {"Warning", "", "L"},
        {"Retry-After", "", ""},
        {"Alert-Info", "", "L"},
        {"Call-Info", "", "L"},
        {"Error-Info", "", "L"},
        {"In-Reply-To", "", "L"},
        {"Path", "", "L"},
        {"Service-Route", "", "L"},
        {"RSeq", "", ""},
        {"RAck", "", ""},
        {"Organization", "", ""},
        {"Priority", "", ""},
        {"Reply-To", "", ""},
        {"Content-Disposition", "", ""},
        {"Content-Language", "", "L"},
        {"MIME-Version", "", ""},
        {"SIP-ETag", "", ""},
        {"SIP-If-Match", "", ""},
    };

    public static final int UNKNOWN = 0;
    public static final int VIA = 1;
    public static final int FROM = 2;
    public static final int TO = 3;
    public static final int CALL_ID = 4;
    public static final int CSEQ = 5;
    public static final int MAX_FORWARDS = 6;
    public static final int CONTACT = 7;
    public static final int ROUTE = 8;
    public static final int RECORD_ROUTE = 9;
    public static final int CONTENT_LENGTH = 10;
    public static final int CONTENT_TYPE = 11;
    public static final int EXPIRES = 13;
    public static final int MIN_EXPIRES = 14;
    public static final int TIMESTAMP = 42;

    private static final int SLOTS = 512;
    private static final int[] SLOT_ID = new int[SLOTS];
    private static final byte[][] SLOT_NAME = new byte[SLOTS][];
    private static final byte[][] LONG_BYTES = new byte[KNOWN.length + 1][];

    static {
        for (int i = 0; i < KNOWN.length; i++) {
            int id = i + 1;
            LONG_BYTES[id] = KNOWN[i][0].getBytes(StandardCharsets.US_ASCII);
            insert(KNOWN[i][0], id);
            if (!KNOWN[i][1].isEmpty()) {
                insert(KNOWN[i][1], id);
            }
        }
        if (!KNOWN[VIA - 1][0].equals("Via") || !KNOWN[CONTENT_TYPE - 1][0].equals("Content-Type")
                || !KNOWN[MIN_EXPIRES - 1][0].equals("Min-Expires") || !KNOWN[TIMESTAMP - 1][0].equals("Timestamp")) {
            throw new AssertionError("header id constants out of step with the table");
        }
    }

    private HeaderTable() {
    }

    private static void insert(String name, int id) {
        byte[] b = name.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        int slot = hash(b, 0, b.length) & (SLOTS - 1);
        while (SLOT_NAME[slot] != null) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        SLOT_NAME[slot] = b;
        SLOT_ID[slot] = id;
    }

    private static int hash(byte[] b, int s, int e) {
        int h = e - s;
        for (int i = s; i < e; i++) {
            h = h * 31 + (b[i] | 0x20);
        }
        return h ^ (h >>> 9);
    }

    /** The id of the header name in {@code b[s..e)}, compared case-insensitively; 0 if unknown. */
    public static int idOf(byte[] b, int s, int e) {
        int slot = hash(b, s, e) & (SLOTS - 1);
        while (true) {
            byte[] cand = SLOT_NAME[slot];
            if (cand == null) {
                return UNKNOWN;
            }
            if (cand.length == e - s && equalsLower(cand, b, s)) {
                return SLOT_ID[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    private static boolean equalsLower(byte[] lower, byte[] b, int s) {
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] != Chars.lower(b[s + i])) {
                return false;
            }
        }
        return true;
    }

    public static int idOf(String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        return idOf(b, 0, b.length);
    }

    public static String longName(int id) {
        return KNOWN[id - 1][0];
    }

    public static byte[] longNameBytes(int id) {
        return LONG_BYTES[id];
    }

    /** The compact form, or {@code null} if the header has none. */
    public static String compactName(int id) {
        String c = KNOWN[id - 1][1];
        return c.isEmpty() ? null : c;
    }

    /** RFC 3261 §7.3.1: only headers whose grammar is a comma-separated list may be split. */
    public static boolean isList(int id) {
        return id != UNKNOWN && !KNOWN[id - 1][2].isEmpty();
    }
}
