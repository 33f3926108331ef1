package dev.parley.sip.message;

import dev.parley.sip.message.internal.Chars;

/**
 * RFC 3966 {@code tel:} URI.
 *
 * @param number the global ({@code +...}) or local number, visual separators included
 * @param params parameters such as {@code phone-context} or {@code ext}, decoded
 */
public record TelUri(String number, Parameters params) implements Uri {

    public TelUri {
        if (number.isEmpty()) {
            throw new IllegalArgumentException("empty telephone number");
        }
    }

    @Override
    public String scheme() {
        return "tel";
    }

    /** RFC 3966 §5.1.4: a global number starts with "+". */
    public boolean isGlobal() {
        return number.startsWith("+");
    }

    /** The number without visual separators ({@code - . ( )}), RFC 3966 §5.1.1. */
    public String digits() {
        StringBuilder sb = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char ch = number.charAt(i);
            if (ch != '-' && ch != '.' && ch != '(' && ch != ')') {
                sb.append(Character.toLowerCase(ch));
            }
        }
        return sb.toString();
    }

    /**
     * RFC 3966 §4: numbers equal without visual separators, the same parameters with equal
     * values (names and values case-insensitive), in any order.
     */
    @Override
    public boolean isEquivalent(Uri other) {
        if (!(other instanceof TelUri t) || !digits().equals(t.digits()) || params.size() != t.params.size()) {
            return false;
        }
        for (int i = 0; i < params.size(); i++) {
            String mine = params.value(i) == null ? "" : params.value(i);
            if (!t.params.get(params.name(i)).map(mine::equalsIgnoreCase).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tel:").append(number);
        UriParser.appendUriParams(sb, params);
        return sb.toString();
    }

    static boolean isNumberChar(byte b) {
        return Chars.hexValue(b) >= 0 || b == '*' || b == '#' || b == '+' || b == '-' || b == '.' || b == '('
                || b == ')';
    }
}
