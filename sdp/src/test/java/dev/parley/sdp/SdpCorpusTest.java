package dev.parley.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of {@code corpus/sdp} parses as EXPECTED.tsv says and round-trips. */
class SdpCorpusTest {
    /** Files whose lines are not in RFC 8866 order, so writing them back reorders lines. */
    static final Set<String> NOT_CANONICAL = Set.of("rfc3264/9-capabilities.sdp");

    static Stream<SharedCorpus.Row> rows() {
        return SharedCorpus.rows().stream();
    }

    @Test
    void expectationsTable_listsEveryCorpusFile() throws IOException {
        Path dir = SharedCorpus.sdpDir();
        Set<String> listed = rows().map(SharedCorpus.Row::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(dir)) {
            Set<String> present = files.filter(p -> p.toString().endsWith(".sdp"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).collect(Collectors.toSet());
            assertEquals(present, listed);
        }
        assertEquals(66, listed.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void corpusFile_parsesAndRoundTrips(SharedCorpus.Row row) {
        assertEquals("valid", row.verdict(), "only valid descriptions are in the corpus");
        byte[] original = SharedCorpus.bytes(row.file());
        SessionDescription sd = SessionDescription.parse(original, 0, original.length);
        byte[] written = sd.toBytes();
        assertEquals(sd, SessionDescription.parse(written, 0, written.length), "parse(write(x)) must equal x");
        if (NOT_CANONICAL.contains(row.file())) {
            String text = new String(written, StandardCharsets.UTF_8);
            assertTrue(text.indexOf("\r\nc=") < text.indexOf("\r\nt="), "written in RFC 8866 order: c= before t=");
        } else {
            assertArrayEquals(original, written, () -> "byte-exact round trip of " + row.file() + ":\n"
                    + new String(written, StandardCharsets.UTF_8));
        }
    }

    @Test
    void rfc4317_sessionNameIsASingleSpace() {
        assertEquals(" ", SharedCorpus.parse("rfc4317/2.1-offer.sdp").sessionName());
        assertEquals("", SharedCorpus.parse("rfc3264/10.1-offer.sdp").sessionName());
    }

    @Test
    void rfc8866Example_mediaInheritsOrOverridesSessionConnection() {
        SessionDescription sd = SharedCorpus.parse("rfc8866/5-example.sdp");
        List<MediaDescription> m = sd.media();
        assertEquals("198.51.100.1", sd.connectionOf(m.get(0)).address());
        assertEquals("198.51.100.1", sd.connectionOf(m.get(1)).address());
        assertEquals(new Connection("IN", "IP6", "2001:db8::2"), sd.connectionOf(m.get(2)));
        assertEquals("Jane Doe <jane@jdoe.example.com>", sd.emails().get(0));
        assertEquals(3724394405L, sd.origin().sessionVersion());
    }

    @Test
    void rfc8866DirectionExample_mediaAttributeOverridesSessionAttribute() {
        SessionDescription sd = SharedCorpus.parse("rfc8866/6.7-direction-attributes.sdp");
        assertEquals(Direction.SENDRECV, sd.directionOf(sd.media().get(0)));
        assertEquals(Direction.INACTIVE, sd.directionOf(sd.media().get(1)));
        assertEquals(Direction.INACTIVE, sd.directionOf(sd.media().get(2)));
    }

    @Test
    void rfc4566Example_multicastTtlAndNtpTimes() {
        SessionDescription sd = SharedCorpus.parse("rfc4566/5-example.sdp");
        assertEquals("224.2.17.12/127", sd.connection().address());
        assertEquals("224.2.17.12", sd.connection().host());
        assertEquals(new Timing(2873397496L, 2873404696L, List.of()), sd.timings().get(0));
        assertEquals(Direction.RECVONLY, sd.directionOf(sd.media().get(1)));
    }

    @Test
    void rfc3264Figure1_timeBeforeConnectionIsAccepted() {
        SessionDescription sd = SharedCorpus.parse("rfc3264/9-capabilities.sdp");
        assertEquals("192.0.2.4", sd.connection().address());
        assertTrue(sd.media().stream().allMatch(MediaDescription::isDisabled));
        assertEquals("1016", sd.media().get(0).rtpmap("1").encodingName());
    }
}
