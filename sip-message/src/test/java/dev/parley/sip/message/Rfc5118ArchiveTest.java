package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The RFC 5118 archive bytes as published: bare LF line ends, the §4.10 files without their
 * final empty line, and the RFC's own Content-Length values. LF-only framing (RFC 3261 §7,
 * Lenient) must give the same headers as the CRLF wire copies.
 */
class Rfc5118ArchiveTest {

    /** RFC Content-Length values larger than the LF bodies (268 > 242, 181 > 180): datagram rule. */
    static final Set<String> CONTENT_LENGTH_TOO_LARGE = Set.of("ipv6-in-sdp", "mult-ip-in-sdp");

    @Test
    void archiveFilesFrameLikeTheirCrlfCopies() throws IOException {
        Path archive = SharedCorpus.corpus("rfc5118").resolve("archive");
        List<Path> files;
        try (Stream<Path> s = Files.list(archive)) {
            files = s.sorted().toList();
        }
        assertEquals(12, files.size());
        Map<String, Path> crlf = SharedCorpus.messages("rfc5118");
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".dat", "");
            byte[] raw = SharedCorpus.read(f);
            if (CONTENT_LENGTH_TOO_LARGE.contains(name)) {
                SipParseException e = assertThrows(SipParseException.class, () -> new SipParser().parse(raw), name);
                assertEquals(SipParseException.Reason.BODY_TRUNCATED, e.reason(), name);
                continue;
            }
            SipMessage lf = new SipParser().parse(raw);
            SipMessage wire = new SipParser().parse(SharedCorpus.read(crlf.get(name + ".dat")));
            List<SipHeader> lfHeaders = Semantics.canonicalHeaders(lf);
            List<SipHeader> wireHeaders = Semantics.canonicalHeaders(wire);
            assertEquals(wireHeaders, lfHeaders, name);
        }
    }
}
