package dev.parley.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, dependency-free mutational fuzzer's mutation step: bit flips, byte changes, splices
 * between corpus messages, truncation, CRLF/LF/CR/NUL injection, grammar punctuation, range
 * deletion and huge repeats. Deterministic for a given seed.
 */
final class Mutator {

    private static final byte[][] TOKENS = bytes("\r\n", "\n", "\r", "\0", "\r\n ", ";", ",", "<", ">", "\"", ":",
            "%", "%0", "[", "]", "@", " ", "\t", "\\", "=", "?", "&", "/", "SIP/2.0", "Content-Length: ", "l: 99999",
            "Via: ", "v: SIP/2.0/UDP [", "CSeq: 4294967296 X", "sip:", "sips:[::1]:", "tel:+1;", "\r\n\r\n", "\u00ff");

    private final SplittableRandom random;
    private final List<byte[]> seeds;

    Mutator(long seed, List<byte[]> seeds) {
        this.random = new SplittableRandom(seed);
        this.seeds = seeds;
    }

    private static byte[][] bytes(String... s) {
        byte[][] out = new byte[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return out;
    }

    byte[] next() {
        byte[] b = seeds.get(random.nextInt(seeds.size()));
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        int len = b.length;
        int at = len == 0 ? 0 : random.nextInt(len + 1);
        switch (random.nextInt(9)) {
            case 0 -> { // bit flips
                b = b.clone();
                for (int i = 0, n = 1 + random.nextInt(8); i < n && len > 0; i++) {
                    b[random.nextInt(len)] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case 1 -> { // random bytes
                b = b.clone();
                for (int i = 0, n = 1 + random.nextInt(4); i < n && len > 0; i++) {
                    b[random.nextInt(len)] = (byte) random.nextInt(256);
                }
                return b;
            }
            case 2 -> { // splice: prefix of this, suffix of another
                byte[] o = seeds.get(random.nextInt(seeds.size()));
                int from = o.length == 0 ? 0 : random.nextInt(o.length + 1);
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(o, from, o.length));
            }
            case 3 -> { // truncation
                return Arrays.copyOf(b, at);
            }
            case 4, 5 -> { // token injection
                return insert(b, at, TOKENS[random.nextInt(TOKENS.length)]);
            }
            case 6 -> { // delete a range
                int end = Math.min(len, at + random.nextInt(64));
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, end, len));
            }
            case 7 -> { // huge repeat of a small slice
                int end = Math.min(len, at + 1 + random.nextInt(16));
                byte[] slice = Arrays.copyOfRange(b, at, end);
                int times = 1 + random.nextInt(random.nextInt(64) == 0 ? 8000 : 40);
                if (slice.length == 0 || (long) slice.length * times > 80_000) {
                    return b;
                }
                byte[] rep = new byte[slice.length * times];
                for (int i = 0; i < times; i++) {
                    System.arraycopy(slice, 0, rep, i * slice.length, slice.length);
                }
                return insert(b, at, rep);
            }
            default -> { // duplicate a whole line
                int s = at;
                while (s > 0 && b[s - 1] != '\n') {
                    s--;
                }
                int e = at;
                while (e < len && b[e] != '\n') {
                    e++;
                }
                return insert(b, s, Arrays.copyOfRange(b, s, Math.min(len, e + 1)));
            }
        }
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
