package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.ua.MediaStatistics;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The check lines and figures {@code parley demo} prints. */
class DemoCheckTest {

    @Test
    void passedCheck_isATickTheNameAndTheEvidence() {
        assertEquals("✓ bob hears alice's tone — 697+1633 Hz recognised after 170 ms",
                DemoCheck.pass("bob hears alice's tone", "697+1633 Hz recognised after 170 ms").line());
    }

    @Test
    void failedCheck_isACross_andAnEmptyDetailLeavesNoDash() {
        assertEquals("✗ alice calls bob — not answered: CALLING", DemoCheck.fail("alice calls bob", "not answered: CALLING").line());
        assertEquals("✗ every phone closes", DemoCheck.fail("every phone closes", "").line());
    }

    @Test
    void aCheckIsOneLine() {
        assertThrows(IllegalArgumentException.class, () -> DemoCheck.pass("two\nlines", ""));
        assertThrows(IllegalArgumentException.class, () -> DemoCheck.pass("name", "detail\nmore"));
        assertThrows(IllegalArgumentException.class, () -> DemoCheck.pass(" ", ""));
    }

    @Test
    void summary_countsTheFailures() {
        DemoCheck ok = DemoCheck.pass("a", "");
        DemoCheck bad = DemoCheck.fail("b", "");
        assertEquals("all 2 checks passed", DemoCheck.summary(List.of(ok, ok)));
        assertEquals("1 of 3 checks failed", DemoCheck.summary(List.of(ok, bad, ok)));
        assertEquals("no checks ran", DemoCheck.summary(List.of()));
    }

    @Test
    void mediaLine_showsPacketsLossJitterRtcpAndRoundTrip() {
        MediaStatistics s = new MediaStatistics(250, 248, 2, 0.4567, 1.25, 3, 2);
        assertEquals("alice RTP sent 250 received 248 lost 2  jitter 0.46 ms  RTCP sent 3 received 2  rtt 1.25 ms",
                MediaReport.line("alice", Optional.of(s)));
        MediaStatistics noRtt = new MediaStatistics(10, 0, 0, 0, -1, 0, 0);
        assertEquals("carol RTP sent 10 received 0 lost 0  jitter 0.00 ms  RTCP sent 0 received 0  rtt n/a",
                MediaReport.line("carol", Optional.of(noRtt)));
        assertEquals("bob   no media", MediaReport.line("bob", Optional.empty()));
    }
}
