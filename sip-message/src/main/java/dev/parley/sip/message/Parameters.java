package dev.parley.sip.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An ordered, immutable list of {@code ;name[=value]} parameters, as found after a URI or a
 * header value. Names compare case-insensitively (RFC 3261 §7.3.1). A flag parameter such as
 * {@code lr} or {@code rport} has a {@code null} value.
 *
 * <p>Values are stored decoded: URI parameters with their %-escapes resolved (§19.1.2), header
 * parameters with the quotes of a quoted-string removed; {@link #isQuoted} remembers the latter
 * so the value is written back quoted.
 */
public final class Parameters {

    /** No parameters. */
    public static final Parameters EMPTY = new Parameters(new String[0], new String[0], 0L);

    private final String[] names;
    private final String[] values;
    private final long quoted;

    private Parameters(String[] names, String[] values, long quoted) {
        this.names = names;
        this.values = values;
        this.quoted = quoted;
    }

    /** Builds parameters from alternating names and values ({@code null} value = flag). */
    public static Parameters of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Parameters p = EMPTY;
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            p = p.with(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return p;
    }

    /** Used by the parsers, which have already checked the grammar. */
    static Parameters trusted(List<String> namesAndValues, long quotedMask) {
        int n = namesAndValues.size() / 2;
        String[] ns = new String[n];
        String[] vs = new String[n];
        for (int i = 0; i < n; i++) {
            ns[i] = namesAndValues.get(2 * i);
            vs[i] = namesAndValues.get(2 * i + 1);
        }
        return new Parameters(ns, vs, quotedMask);
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public String name(int index) {
        return names[index];
    }

    /** The value at {@code index}, or {@code null} for a flag parameter. */
    public String value(int index) {
        return values[index];
    }

    /** Whether the value at {@code index} was (and will be written as) a quoted-string. */
    public boolean isQuoted(int index) {
        return index < 64 && (quoted & (1L << index)) != 0;
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    /** The value of the first parameter called {@code name}; empty if absent, "" for a flag. */
    public Optional<String> get(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(values[i] == null ? "" : values[i]);
    }

    /** A copy with {@code name} set to {@code value} (replacing an existing one, else appended). */
    public Parameters with(String name, String value) {
        if (!dev.parley.sip.message.internal.Chars.isToken(name)) {
            throw new IllegalArgumentException("parameter name is not a token: " + name);
        }
        boolean mustQuote = value != null && !value.isEmpty() && !dev.parley.sip.message.internal.Chars.isToken(value)
                && !value.startsWith("[");
        int i = indexOf(name);
        String[] ns = names;
        String[] vs = values;
        long q = quoted;
        if (i < 0) {
            ns = Arrays.copyOf(names, names.length + 1);
            vs = Arrays.copyOf(values, values.length + 1);
            i = names.length;
            ns[i] = name;
        } else {
            vs = values.clone();
        }
        vs[i] = value;
        if (i < 64) {
            q = mustQuote ? q | (1L << i) : q & ~(1L << i);
        }
        return new Parameters(ns, vs, q);
    }

    /** A copy without any parameter called {@code name}. */
    public Parameters without(String name) {
        List<String> kept = new ArrayList<>();
        long q = 0;
        int k = 0;
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equalsIgnoreCase(name)) {
                kept.add(names[i]);
                kept.add(values[i]);
                if (isQuoted(i) && k < 64) {
                    q |= 1L << k;
                }
                k++;
            }
        }
        return kept.size() / 2 == names.length ? this : trusted(kept, q);
    }

    /** The names in order. */
    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && Arrays.equals(names, p.names) && Arrays.equals(values, p.values)
                && quoted == p.quoted;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names) * 31 + Arrays.hashCode(values);
    }

    /** Header-parameter wire form, e.g. {@code ;branch=z9hG4bK1;rport}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            sb.append(';').append(names[i]);
            if (values[i] != null) {
                sb.append('=');
                if (isQuoted(i)) {
                    Quoting.appendQuoted(sb, values[i]);
                } else {
                    sb.append(values[i]);
                }
            }
        }
        return sb.toString();
    }
}
