package dev.parley.sip.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP literals without name resolution: Parley's transport layer never asks DNS. */
public final class IpLiteral {

    private IpLiteral() {
    }

    /**
     * The address spelled by an IPv4 dotted quad or an IPv6 literal (with or without brackets), or
     * null for anything else (a host name).
     */
    public static InetAddress parse(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!isIpv4(s) && !isIpv6(s)) {
            return null;
        }
        try {
            // For a literal, getByName only parses: no lookup happens.
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isIpv4(String s) {
        int parts = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i == s.length() ? '.' : s.charAt(i);
            if (c == '.') {
                if (value < 0 || value > 255) {
                    return false;
                }
                parts++;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    private static boolean isIpv6(String s) {
        if (s.indexOf(':') < 0 || s.length() > 45) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == ':' || c == '.' || c == '%' || Character.digit(c, 16) >= 0
                    || (s.indexOf('%') >= 0 && i > s.indexOf('%') && Character.isLetterOrDigit(c));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
