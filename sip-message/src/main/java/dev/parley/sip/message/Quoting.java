package dev.parley.sip.message;

/** Writing quoted-strings (RFC 3261 §25.1: quoted-pair for '"', '\' and control octets). */
final class Quoting {

    private Quoting() {
    }

    static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // RFC 3261 §25.1: quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F); CR and LF cannot be escaped.
            if (c == '"' || c == '\\' || (c < 0x20 && c != '\t') || c == 0x7f) {
                if (c == '\r' || c == '\n') {
                    sb.append(' ');
                    continue;
                }
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
