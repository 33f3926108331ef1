package dev.parley.sip.message;

import dev.parley.sip.message.internal.HeaderTable;

/** Names of common headers and compact-form resolution (RFC 3261 §7.3.3, IANA registry). */
public final class HeaderNames {

    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTACT = "Contact";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String EXPIRES = "Expires";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String ALLOW = "Allow";
    public static final String SUPPORTED = "Supported";
    public static final String REQUIRE = "Require";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String EVENT = "Event";
    public static final String SUBSCRIPTION_STATE = "Subscription-State";
    public static final String REFER_TO = "Refer-To";
    public static final String REFERRED_BY = "Referred-By";
    public static final String REPLACES = "Replaces";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String AUTHORIZATION = "Authorization";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String TIMESTAMP = "Timestamp";

    private HeaderNames() {
    }

    /** The long form for a known name in any case or compact form; other names unchanged. */
    public static String canonical(String name) {
        int id = HeaderTable.idOf(name);
        return id == HeaderTable.UNKNOWN ? name : HeaderTable.longName(id);
    }

    /** The compact form of a known header, or the canonical long name if it has none. */
    public static String compact(String name) {
        int id = HeaderTable.idOf(name);
        if (id == HeaderTable.UNKNOWN) {
            return name;
        }
        String c = HeaderTable.compactName(id);
        return c == null ? HeaderTable.longName(id) : c;
    }

    /** Whether two header names denote the same header (case and compact forms ignored). */
    public static boolean same(String a, String b) {
        int ia = HeaderTable.idOf(a);
        return ia == HeaderTable.UNKNOWN ? a.equalsIgnoreCase(b) : ia == HeaderTable.idOf(b);
    }
}
