package dev.parley.sip.message.internal;

/** Character classes of the RFC 3261 §25.1 grammar, as bit masks over US-ASCII. */
public final class Chars {

    public static final int TOKEN = 1;        // alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"
    public static final int WORD = 2;         // token chars plus ( ) < > : \ " / [ ] ? { }
    public static final int UNRESERVED = 4;   // alphanum / mark
    public static final int USER = 8;         // unreserved / user-unreserved (& = + $ , ; ? /)
    public static final int PARAM = 16;       // unreserved / param-unreserved ([ ] / : & + $)
    public static final int HNV = 32;         // unreserved / hnv-unreserved ([ ] / ? : + $)
    public static final int HOST = 64;        // alphanum / "-" / "." (Lenient: "_" too)
    public static final int PASSWORD = 128;   // unreserved / & = + $ ,
    public static final int SCHEME = 256;     // ALPHA / DIGIT / + - .

    private static final int[] CLASS = new int[128];

    static {
        for (int c = '0'; c <= '9'; c++) {
            CLASS[c] |= TOKEN | WORD | UNRESERVED | USER | PARAM | HNV | HOST | PASSWORD | SCHEME;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            CLASS[c] |= TOKEN | WORD | UNRESERVED | USER | PARAM | HNV | HOST | PASSWORD | SCHEME;
            CLASS[c - 32] |= TOKEN | WORD | UNRESERVED | USER | PARAM | HNV | HOST | PASSWORD | SCHEME;
        }
        mark("-.!%*_+`'~", TOKEN | WORD);
        mark("()<>:\\\"/[]?{}", WORD);
        mark("-_.!~*'()", UNRESERVED | USER | PARAM | HNV | PASSWORD);
        mark("&=+$,;?/", USER);
        mark("[]/:&+$", PARAM);
        mark("[]/?:+$", HNV);
        mark("&=+$,", PASSWORD);
        // Lenient: underscores appear in real host names although RFC 1034 labels exclude them.
        mark("-._", HOST);
        mark("+-.", SCHEME);
    }

    private Chars() {
    }

    private static void mark(String chars, int bits) {
        for (int i = 0; i < chars.length(); i++) {
            CLASS[chars.charAt(i)] |= bits;
        }
    }

    /** Whether byte {@code b} belongs to every class in {@code mask}. */
    public static boolean is(byte b, int mask) {
        return b >= 0 && (CLASS[b] & mask) == mask;
    }

    public static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    public static boolean isWsp(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Whitespace inside a header value: SP, HTAB, or the CR/LF of a fold. */
    public static boolean isLws(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    public static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    public static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    public static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || (CLASS[c] & TOKEN) == 0) {
                return false;
            }
        }
        return true;
    }
}
