package dev.parley.sip.message;

/**
 * The method names the RFCs define. A method is any token (RFC 3261 §7.1, case-sensitive), so
 * methods are plain strings; these constants only spare typing and typos.
 */
public final class SipMethod {

    // RFC 3261
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";
    /** RFC 3262. */
    public static final String PRACK = "PRACK";
    /** RFC 3265 / RFC 6665. */
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    /** RFC 3311. */
    public static final String UPDATE = "UPDATE";
    /** RFC 3428. */
    public static final String MESSAGE = "MESSAGE";
    /** RFC 3515. */
    public static final String REFER = "REFER";
    /** RFC 3903. */
    public static final String PUBLISH = "PUBLISH";
    /** RFC 6086. */
    public static final String INFO = "INFO";

    private static final String[] KNOWN = {INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, PRACK, SUBSCRIBE, NOTIFY,
        UPDATE, MESSAGE, REFER, PUBLISH, INFO};

    private SipMethod() {
    }

    /** Whether {@code method} is one of the methods above (case-sensitive, §7.1). */
    public static boolean isKnown(String method) {
        for (String k : KNOWN) {
            if (k.equals(method)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the shared constant for a known method, so parsed messages do not keep copies. */
    static String intern(String method) {
        for (String k : KNOWN) {
            if (k.equals(method)) {
                return k;
            }
        }
        return method;
    }

    /** The known method spelled by {@code b[s,e)}, or a new string for an extension method. */
    static String of(byte[] b, int s, int e) {
        for (String k : KNOWN) {
            if (k.length() == e - s && matches(k, b, s)) {
                return k;
            }
        }
        return new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean matches(String k, byte[] b, int s) {
        for (int i = 0; i < k.length(); i++) {
            if (b[s + i] != k.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
