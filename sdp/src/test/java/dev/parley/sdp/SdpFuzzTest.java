package dev.parley.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutational fuzzer over the SDP corpus: bit flips, interesting bytes, deletions,
 * duplications, splices between descriptions, truncation and CRLF injection.
 *
 * <p>Properties, for every input: the parser throws nothing but {@link SdpParseException} and
 * returns; whatever parses, writes, and {@code parse(write(x)).equals(x)}; answering whatever
 * parses throws nothing but {@link NegotiationException}. A failure prints the input in base64,
 * to be added to {@link #CRASHERS} and replayed.
 */
class SdpFuzzTest {
    static final int INPUTS = 1_000_000;
    static final long SEED = 0x5d9_2026L;
    static final byte[] INTERESTING = " :=/\r\n\t0123456789-.\u0000".getBytes(StandardCharsets.ISO_8859_1);
    static final String[] LINES = {"\r\nm=audio 0 RTP/AVP 0", "\r\na=rtpmap:96 opus/48000/2", "\r\nc=IN IP4 0.0.0.0",
        "\r\na=rtcp-mux", "\r\nr=7d 1h 0 25h", "\r\nt=0 0", "\r\nv=0", "\r\na=fmtp:", "\r\nb=AS:", "\r\nm=", "\n\n"};
    /** Inputs that once broke a property, replayed before the random run (base64). */
    static final List<String> CRASHERS = List.of();

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedCorpus_onlyTypedErrorsEscape_andWhateverParsesRoundTrips() throws IOException {
        List<byte[]> seeds = seeds();
        for (String crasher : CRASHERS) {
            check(Base64.getDecoder().decode(crasher));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int parsed = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), seeds, random);
            if (check(input)) {
                parsed++;
            }
        }
        // The mutations must leave a fair share valid, or the round-trip property tests little.
        assertTrue(parsed > INPUTS / 10, "only " + parsed + " inputs parsed");
        assertTrue(parsed < INPUTS - INPUTS / 10, "only " + (INPUTS - parsed) + " inputs were rejected");
    }

    private static final OfferAnswer.State IDLE = OfferAnswer.State.IDLE;

    /** Returns true if the input parsed. */
    static boolean check(byte[] input) {
        SessionDescription sd;
        try {
            sd = SessionDescription.parse(input, 0, input.length);
        } catch (SdpParseException expected) {
            return false;
        } catch (Throwable t) {
            throw new AssertionError("parser threw " + t + " for " + Base64.getEncoder().encodeToString(input), t);
        }
        try {
            byte[] written = sd.toBytes();
            assertEquals(sd, SessionDescription.parse(written, 0, written.length));
        } catch (Throwable t) {
            fail("round trip failed (" + t + ") for " + Base64.getEncoder().encodeToString(input), t);
        }
        if ((input.length & 7) == 0) { // answering costs more than parsing: one input in eight
            try {
                OfferAnswer phone = new OfferAnswer(LocalCapabilities.defaultAudio("1", "192.0.2.1", 4000), 1);
                assertEquals(IDLE, phone.state());
                phone.answer(sd);
            } catch (NegotiationException expected) {
                // an offer we cannot answer is a typed failure
            } catch (Throwable t) {
                fail("answer threw " + t + " for " + Base64.getEncoder().encodeToString(input), t);
            }
        }
        return true;
    }

    static byte[] mutate(byte[] seed, List<byte[]> seeds, SplittableRandom r) {
        byte[] b = seed;
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            int n = b.length;
            int at = n == 0 ? 0 : r.nextInt(n);
            switch (r.nextInt(8)) {
                case 0 -> { // flip one bit
                    b = b.clone();
                    if (n > 0) {
                        b[at] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> { // overwrite with an interesting byte
                    b = b.clone();
                    if (n > 0) {
                        b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
                    }
                }
                case 2 -> b = cut(b, at, Math.min(n, at + 1 + r.nextInt(16))); // delete a run
                case 3 -> { // duplicate a run
                    int end = Math.min(n, at + 1 + r.nextInt(32));
                    b = insert(b, at, Arrays.copyOfRange(b, at, end));
                }
                case 4 -> { // splice in part of another description
                    byte[] other = seeds.get(r.nextInt(seeds.size()));
                    int from = r.nextInt(other.length);
                    int to = Math.min(other.length, from + 1 + r.nextInt(80));
                    b = insert(b, at, Arrays.copyOfRange(other, from, to));
                }
                case 5 -> b = Arrays.copyOf(b, at); // truncate
                case 6 -> b = insert(b, at, "\r\n".getBytes(StandardCharsets.US_ASCII)); // CRLF injection
                default -> b = insert(b, at, LINES[r.nextInt(LINES.length)].getBytes(StandardCharsets.US_ASCII));
            }
        }
        return b;
    }

    static byte[] cut(byte[] b, int from, int to) {
        byte[] out = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, to, out, from, b.length - to);
        return out;
    }

    static byte[] insert(byte[] b, int at, byte[] piece) {
        byte[] out = new byte[b.length + piece.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(b, at, out, at + piece.length, b.length - at);
        return out;
    }

    static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (SharedCorpus.Row row : SharedCorpus.rows()) {
            seeds.add(SharedCorpus.bytes(row.file()));
        }
        try (InputStream in = SdpFuzzTest.class.getResourceAsStream("ozeki-audio-video-offer.sdp")) {
            seeds.add(in.readAllBytes());
        }
        return seeds;
    }
}
