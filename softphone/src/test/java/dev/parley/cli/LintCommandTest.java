package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ExitCode lint(String content) throws IOException {
        Path file = dir.resolve("msg.sip");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return Main.standard().run(List.of("lint", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String GOOD_INVITE = String.join("\r\n",
            "INVITE sip:bob@biloxi.example.com SIP/2.0",
            "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
            "Max-Forwards: 70",
            "To: Bob <sip:bob@biloxi.example.com>",
            "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774",
            "Call-ID: a84b4c76e66710@pc33.atlanta.example.com",
            "CSeq: 314159 INVITE",
            "Contact: <sip:alice@pc33.atlanta.example.com>",
            "Content-Length: 0",
            "", "");

    @Test
    void wellFormedInvite_isValid() throws IOException {
        assertEquals(ExitCode.SUCCESS, lint(GOOD_INVITE));
        assertTrue(output().endsWith("msg.sip: valid\n"), output());
    }

    @Test
    void everyMissingMandatoryHeader_isReportedAtTheEndOfTheHeaders() throws IOException {
        String noMaxForwardsNoCallId = GOOD_INVITE.replace("Max-Forwards: 70\r\n", "")
                .replace("Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n", "");
        assertEquals(ExitCode.PROBLEMS, lint(noMaxForwardsNoCallId));
        String o = output();
        // Seven header lines remain after the start line, so the empty line is line 8.
        assertTrue(o.contains("msg.sip:8:1: missing mandatory header Call-ID"), o);
        assertTrue(o.contains("msg.sip:8:1: missing mandatory header Max-Forwards"), o);
        assertTrue(o.contains("2 problems"), o);
    }

    @Test
    void cseqMethodMismatch_pointsAtTheCSeqLine() throws IOException {
        assertEquals(ExitCode.PROBLEMS, lint(GOOD_INVITE.replace("CSeq: 314159 INVITE", "CSeq: 314159 BYE")));
        assertTrue(output().contains("msg.sip:7:1: CSeq method BYE does not match the request method INVITE"), output());
    }

    @Test
    void unframeableMessage_reportsTheParserError() throws IOException {
        assertEquals(ExitCode.PROBLEMS, lint("this is not SIP\r\n\r\n"));
        assertTrue(output().contains("msg.sip:1:"), output());
    }

    @Test
    void sdpFile_isParsedAsSdp() throws IOException {
        String sdp = "v=0\r\no=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com\r\ns=-\r\n"
                + "c=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n";
        assertEquals(ExitCode.SUCCESS, lint(sdp));
        assertEquals(ExitCode.PROBLEMS, lint(sdp.replace("m=audio 49170", "m=audio 99999999")));
        assertTrue(output().contains("msg.sip:6:"), output());
    }

    @Test
    void missingFile_isAUsageError() {
        ExitCode code = Main.standard().run(List.of("lint", dir.resolve("nope.sip").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
    }
}
