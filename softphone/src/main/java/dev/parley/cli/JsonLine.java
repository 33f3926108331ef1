package dev.parley.cli;

/**
 * One JSON object written on one line (RFC 8259), built field by field. Only what the event output
 * needs: strings, integers and booleans, keys in insertion order.
 */
final class JsonLine {
    private final StringBuilder sb = new StringBuilder(96).append('{');
    private boolean first = true;

    static JsonLine event(String name, long timeMillis) {
        return new JsonLine().add("event", name).add("time_ms", timeMillis);
    }

    JsonLine add(String key, String value) {
        key(key);
        if (value == null) {
            sb.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonLine add(String key, long value) {
        key(key);
        sb.append(value);
        return this;
    }

    JsonLine add(String key, double value) {
        key(key);
        if (Double.isFinite(value)) {
            sb.append(value);
        } else {
            sb.append("null"); // RFC 8259 §6: NaN and infinities are not JSON numbers
        }
        return this;
    }

    JsonLine add(String key, boolean value) {
        key(key);
        sb.append(value);
        return this;
    }

    private void key(String key) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        quote(key);
        sb.append(':');
    }

    /** RFC 8259 §7: quote, backslash and control characters are escaped; the rest is written as is. */
    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb + "}";
    }
}
