package dev.parley.sip.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
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
    public static final Parameters EMPTY = new Parameters(new String[0], 0, 0L);

    /** Names at even indexes, values (null for a flag) at odd ones; only the first 2*size are used. */
    private final String[] kv;
    private final int size;
    private final long quoted;

    private Parameters(String[] kv, int size, long quoted) {
        this.kv = kv;
        this.size = size;
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
        return new Parameters(namesAndValues.toArray(new String[0]), namesAndValues.size() / 2, quotedMask);
    }

    /** Used by the parsers: takes ownership of {@code kv}, of which {@code size} pairs are used. */
    static Parameters trusted(String[] kv, int size, long quotedMask) {
        return size == 0 ? EMPTY : new Parameters(kv, size, quotedMask);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public String name(int index) {
        return kv[2 * Objects.checkIndex(index, size)];
    }

    /** The value at {@code index}, or {@code null} for a flag parameter. */
    public String value(int index) {
        return kv[2 * Objects.checkIndex(index, size) + 1];
    }

    /** Whether the value at {@code index} was (and will be written as) a quoted-string. */
    public boolean isQuoted(int index) {
        return index < 64 && (quoted & (1L << index)) != 0;
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (kv[2 * i].equalsIgnoreCase(name)) {
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
        String v = kv[2 * i + 1];
        return Optional.of(v == null ? "" : v);
    }

    /** A copy with {@code name} set to {@code value} (replacing an existing one, else appended). */
    public Parameters with(String name, String value) {
        if (!dev.parley.sip.message.internal.Chars.isToken(name)) {
            throw new IllegalArgumentException("parameter name is not a token: " + name);
        }
        boolean mustQuote = value != null && !value.isEmpty() && !dev.parley.sip.message.internal.Chars.isToken(value)
                && !value.startsWith("[");
        int i = indexOf(name);
        int n = size;
        if (i < 0) {
            i = n++;
        }
        String[] out = Arrays.copyOf(kv, 2 * n);
        out[2 * i] = name;
        out[2 * i + 1] = value;
        long q = quoted;
        if (i < 64) {
            q = mustQuote ? q | (1L << i) : q & ~(1L << i);
        }
        return new Parameters(out, n, q);
    }

    /** A copy without any parameter called {@code name}. */
    public Parameters without(String name) {
        String[] out = new String[2 * size];
        long q = 0;
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (!kv[2 * i].equalsIgnoreCase(name)) {
                out[2 * k] = kv[2 * i];
                out[2 * k + 1] = kv[2 * i + 1];
                if (isQuoted(i) && k < 64) {
                    q |= 1L << k;
                }
                k++;
            }
        }
        return k == size ? this : trusted(out, k, q);
    }

    /** The names in order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(kv[2 * i]);
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        // Quoting is presentation: "abc" and abc are the same value (RFC 3261 §25.1 gen-value).
        return o instanceof Parameters p && size == p.size && Arrays.equals(kv, 0, 2 * size, p.kv, 0, 2 * size);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < 2 * size; i++) {
            h = 31 * h + Objects.hashCode(kv[i]);
        }
        return h;
    }

    /** Header-parameter wire form, e.g. {@code ;branch=z9hG4bK1;rport}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(';').append(kv[2 * i]);
            if (kv[2 * i + 1] != null) {
                sb.append('=');
                if (isQuoted(i)) {
                    Quoting.appendQuoted(sb, kv[2 * i + 1]);
                } else {
                    sb.append(kv[2 * i + 1]);
                }
            }
        }
        return sb.toString();
    }
}
