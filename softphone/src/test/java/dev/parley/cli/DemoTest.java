package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code parley demo} in this JVM, as a user runs it: the registrar and the three phones on
 * 127.0.0.1, exit status 0, every check passed, and a ladder with the SIP of registration, the
 * call, hold/resume, the blind transfer and hang-up between the named parties.
 */
class DemoTest {

    private static final Pattern LADDER = Pattern.compile(
            "^ *\\+\\d+\\.\\d{3}s  (alice|bob|carol) +(─────|◀────) (\\S+) .*\\[([0-9a-zA-Z.@_-]{1,8})\\] ─+(▶|─) registrar 127\\.0\\.0\\.1:\\d+$");

    @Test
    @Timeout(60)
    void demo_passesEveryCheck_andDrawsTheLadderOfEveryStep() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        ExitCode code = Main.standard().run(List.of("demo"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String text = out.toString(StandardCharsets.UTF_8);

        assertEquals(ExitCode.SUCCESS, code, text + err);
        assertTrue(seconds < 35, "bounded: took " + seconds + " s");
        List<String> checks = text.lines().filter(l -> l.startsWith("  ✓") || l.startsWith("  ✗")).toList();
        assertTrue(checks.size() >= 17, text);
        assertTrue(checks.stream().allMatch(l -> l.startsWith("  ✓")), String.join("\n", checks));
        assertTrue(text.contains("all " + checks.size() + " checks passed"), text);
        for (String step : List.of("registers with digest", "bob hears alice's tone", "alice hears bob's tone",
                "bob receives exactly that", "alice LOCAL_HOLD, bob REMOTE_HOLD", "no RTP reaches alice while held",
                "RTP flows again", "round-trip time measured", "bob blind-transfers alice to carol",
                "end as transferred", "carol hears alice's tone", "carol's call ends", "BYE answered 200 OK")) {
            assertTrue(checks.stream().anyMatch(l -> l.contains(step)), step + " in " + checks);
        }

        // The ladder: every SIP line names its phone, the method or status, a short Call-ID and the registrar.
        List<Matcher> ladder = text.lines().map(LADDER::matcher).filter(Matcher::matches).toList();
        List<String> alice = ladder.stream().filter(m -> m.group(1).equals("alice")).map(m -> m.group(2) + m.group(3)).toList();
        List<String> bob = ladder.stream().filter(m -> m.group(1).equals("bob")).map(m -> m.group(2) + m.group(3)).toList();
        List<String> carol = ladder.stream().filter(m -> m.group(1).equals("carol")).map(m -> m.group(2) + m.group(3)).toList();
        for (List<String> phone : List.of(alice, bob, carol)) {
            assertTrue(phone.contains("─────REGISTER") && phone.contains("◀────401") && phone.contains("◀────200"), phone.toString());
        }
        // alice: the INVITE, two re-INVITEs (hold, resume), the INVITE to carol, each ACKed, her BYE and its 200.
        assertTrue(alice.stream().filter("─────INVITE"::equals).count() >= 4, alice.toString());
        assertTrue(alice.stream().filter("─────ACK"::equals).count() >= 3, alice.toString());
        // The 200 to her BYE (same Call-ID; not the 200 to her un-REGISTER) reached her before she closed.
        List<String> withIds = ladder.stream().filter(m -> m.group(1).equals("alice"))
                .map(m -> m.group(2) + m.group(3) + " " + m.group(4)).toList();
        String byeLine = withIds.stream().filter(l -> l.startsWith("─────BYE ")).findFirst().orElseThrow();
        String callId = byeLine.substring("─────BYE ".length());
        assertTrue(withIds.subList(withIds.indexOf(byeLine), withIds.size()).contains("◀────200 " + callId),
                "200 to the BYE: " + withIds);
        assertTrue(bob.contains("◀────INVITE") && bob.contains("─────180"), bob.toString());
        // The blind transfer (RFC 3515, RFC 5589 §6): bob REFERs alice, alice accepts and reports by
        // NOTIFY while she calls carol; on the final NOTIFY bob ends his call with BYE.
        assertTrue(bob.contains("─────REFER") && bob.contains("◀────202") && bob.contains("◀────NOTIFY")
                && bob.contains("─────BYE"), bob.toString());
        assertTrue(alice.contains("◀────REFER") && alice.contains("─────202") && alice.contains("─────NOTIFY"), alice.toString());
        assertTrue(carol.contains("◀────INVITE") && carol.contains("◀────BYE"), carol.toString());
        assertTrue(text.contains("RTP/RTCP per call"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("    alice RTP sent \\d+ received \\d+ lost -?\\d+ .*")), text);
    }

    @Test
    @Timeout(60)
    void demo_whenBobNeverAnswers_failsTheCallCheck_stopsThere_andEndsInTime() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        List<DemoCheck> checks = new DemoScenario(new PrintStream(out, true, StandardCharsets.UTF_8), "bob").run();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String text = out.toString(StandardCharsets.UTF_8);

        assertEquals(ExitCode.PROBLEMS, DemoCommand.exitCode(checks), text);
        assertTrue(seconds < 35, "bounded: took " + seconds + " s");
        DemoCheck call = checks.stream().filter(c -> c.name().startsWith("alice calls bob")).findFirst().orElseThrow();
        assertTrue(!call.passed() && call.detail().startsWith("not answered"), call.line());
        assertTrue(checks.stream().noneMatch(c -> c.name().contains("hears")), "no audio step after an unanswered call: " + checks);
        assertTrue(text.contains("  ✗ alice calls bob, bob answers, codec G.722 — not answered"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\d+ of \\d+ checks failed")), text);
        // alice gave up with CANCEL (RFC 3261 §9.1), and bob's ringing call was ended 487.
        assertTrue(text.lines().anyMatch(l -> l.contains("alice ───── CANCEL ")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("bob   ───── 487 Request Terminated")), text);
    }

    @Test
    void exitStatus_isZeroOnlyWhenEveryCheckPassed() {
        assertEquals(ExitCode.SUCCESS, DemoCommand.exitCode(List.of(DemoCheck.pass("a", ""), DemoCheck.pass("b", ""))));
        assertEquals(ExitCode.PROBLEMS, DemoCommand.exitCode(List.of(DemoCheck.pass("a", ""), DemoCheck.fail("b", ""))));
        assertEquals(ExitCode.PROBLEMS, DemoCommand.exitCode(List.of()));
        assertEquals(1, ExitCode.PROBLEMS.status());
    }
}
