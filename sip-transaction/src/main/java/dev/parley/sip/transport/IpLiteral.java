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
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
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
