package dev.parley.cli;

import static dev.parley.cli.CommandRuns.listen;
import static dev.parley.cli.CommandRuns.start;
import static dev.parley.cli.ToneWindows.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.CommandRuns.Listening;
import dev.parley.cli.CommandRuns.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley conference} hosting {@code parley listen} peers over UDP on 127.0.0.1: each peer
 * plays its own tone, and the recordings show who heard whom (N−1 mixing through the host).
 * Tones are multiples of 25 Hz (see {@link ToneWindows}): host 500 Hz, alice 1100, bob 1700,
 * carol 2300.
 */
@Timeout(90)
class ConferenceCommandTest {

    private static final int HOST = 500;
    private static final int ALICE = 1100;
    private static final int BOB = 1700;
    private static final int CAROL = 2300;
    /** One second of 40 ms windows. */
    private static final int SECOND = 25;

    @TempDir
    Path dir;

    private Listening peer(String user, int hz, int seconds) throws Exception {
        Path tone = ToneWindows.writeTone(dir.resolve(user + "-says.wav"), hz);
        return listen("--user", user, "--auto-answer", "--play", tone.toString(),
                "--record", dir.resolve(user + "-hears.wav").toString(), "--duration", String.valueOf(seconds));
    }

    private short[] heardBy(String user) throws Exception {
        return ToneWindows.read(dir.resolve(user + "-hears.wav"));
    }

    @Test
    void twoCalledListeners_eachHearsTheOtherAndTheHost_andTheRoomRecordingHasBoth() throws Exception {
        Listening alice = peer("alice", ALICE, 9);
        Listening bob = peer("bob", BOB, 9);
        Path hostTone = ToneWindows.writeTone(dir.resolve("host-says.wav"), HOST);
        Path room = dir.resolve("room.wav");
        Run host = start("conference", "--user", "host", "--call", alice.uri("alice"), "--call", bob.uri("bob"),
                "--play", hostTone.toString(), "--record", room.toString(), "--duration", "4", "--events", "json")
                .get(40, TimeUnit.SECONDS);

        assertEquals(ExitCode.SUCCESS, host.code(), host.out() + host.err());
        List<String> events = host.out().lines().toList();
        for (String user : List.of("alice", "bob")) {
            String uri = (user.equals("alice") ? alice : bob).uri(user);
            assertTrue(events.stream().anyMatch(e -> e.startsWith("{\"event\":\"joined\"") && e.contains("\"remote\":\"" + uri + "\"")
                    && e.contains("\"call\":\"")), host.out());
            // --duration ended the conference: the host hung each participant up.
            assertTrue(events.stream().anyMatch(e -> e.startsWith("{\"event\":\"left\"") && e.contains("\"remote\":\"" + uri + "\"")
                    && e.contains("\"cause\":\"local_hangup\"")), host.out());
        }
        assertTrue(events.stream().anyMatch(e -> e.startsWith("{\"event\":\"joined\"") && e.contains("\"participants\":2")), host.out());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("{\"event\":\"left\"") && e.contains("\"participants\":0")), host.out());
        assertTrue(host.err().contains("duration over; hanging up") && host.err().contains("2 participants joined"), host.err());
        assertEquals(ExitCode.SUCCESS, alice.done().get(40, TimeUnit.SECONDS).code());
        assertEquals(ExitCode.SUCCESS, bob.done().get(40, TimeUnit.SECONDS).code());

        assertHears("alice", heardBy("alice"), List.of(BOB, HOST), ALICE);
        assertHears("bob", heardBy("bob"), List.of(ALICE, HOST), BOB);
        assertHears("the host's recording", ToneWindows.read(room), List.of(ALICE, BOB), HOST);
    }

    /** At least two seconds of each of {@code heard}, and (almost) never {@code own}. */
    private static void assertHears(String who, short[] s, List<Integer> heard, int own) {
        int loud = ToneWindows.loud(s, 0, s.length);
        for (int hz : heard) {
            int windows = ToneWindows.present(s, 0, s.length, hz);
            assertTrue(windows >= 2 * SECOND, who + " hears " + hz + " Hz in " + windows + " of " + loud + " loud 40 ms windows");
        }
        int echo = ToneWindows.present(s, 0, s.length, own);
        assertTrue(echo <= 2, who + " hears its own " + own + " Hz in " + echo + " of " + loud + " windows");
    }

    @Test
    void aParticipantHangingUp_leaves_andTheOthersKeepHearingEachOther() throws Exception {
        Listening alice = peer("alice", ALICE, 11);
        Listening bob = peer("bob", BOB, 12);
        Listening carol = peer("carol", CAROL, 5);
        Path room = dir.resolve("room.wav");
        Run host = start("conference", "--user", "host", "--call", alice.uri("alice"), "--call", bob.uri("bob"),
                "--call", carol.uri("carol"), "--record", room.toString(), "--duration", "60")
                .get(60, TimeUnit.SECONDS);

        // Carol's listen ended (BYE); then alice's and bob's; the room emptied long before 60 s.
        assertEquals(ExitCode.SUCCESS, host.code(), host.out() + host.err());
        // The three answer in any order.
        for (String uri : List.of(alice.uri("alice"), bob.uri("bob"), carol.uri("carol"))) {
            assertTrue(host.out().contains("joined: <" + uri + ">"), host.out());
        }
        assertTrue(host.out().lines().anyMatch(l -> l.startsWith("joined: ") && l.endsWith("(3 participants)")), host.out());
        assertTrue(host.out().contains("left: <" + carol.uri("carol") + "> REMOTE_HANGUP (2 participants)"), host.out());
        assertTrue(host.out().contains("left: <" + bob.uri("bob") + "> REMOTE_HANGUP (0 participants)"), host.out());
        assertTrue(host.out().contains("everyone left") && host.out().contains("3 participants joined"), host.out());
        for (Listening peer : List.of(alice, bob, carol)) {
            assertEquals(ExitCode.SUCCESS, peer.done().get(40, TimeUnit.SECONDS).code());
        }

        assertKeptHearing("alice", heardBy("alice"), BOB);
        assertKeptHearing("bob", heardBy("bob"), ALICE);
        short[] r = ToneWindows.read(room);
        int after = assertKeptHearing("the host's recording", r, ALICE);
        assertTrue(ToneWindows.present(r, after, r.length, BOB) >= 2 * SECOND, "the host hears bob after carol left");
    }

    /**
     * Carol was heard for a while; after the last window with her tone, {@code other} is heard for
     * at least two more seconds. Returns the sample where carol was last heard.
     */
    private static int assertKeptHearing(String who, short[] s, int other) {
        int carolWindows = ToneWindows.present(s, 0, s.length, CAROL);
        assertTrue(carolWindows >= SECOND, who + " heard carol in only " + carolWindows + " windows");
        int last = 0;
        for (int w = 0; w + WINDOW <= s.length; w += WINDOW) {
            if (ToneWindows.present(s, w, w + WINDOW, CAROL) == 1) {
                last = w + WINDOW;
            }
        }
        int kept = ToneWindows.present(s, last, s.length, other);
        assertTrue(kept >= 2 * SECOND, who + " hears " + other + " Hz in " + kept + " windows after carol left");
        return last;
    }

    @Test
    void aParticipantTransferringTheHost_isReplacedByTheTransferTarget() throws Exception {
        Listening carol = peer("carol", CAROL, 10);
        Listening bob = peer("bob", BOB, 10);
        // alice answers, then blind-transfers the host to carol (REFER, RFC 5589 §6).
        Listening alice = listen("--user", "alice", "--auto-answer", "--transfer-to", carol.uri("carol"), "--duration", "10");
        Run host = start("conference", "--user", "host", "--call", alice.uri("alice"), "--call", bob.uri("bob"),
                "--duration", "6").get(60, TimeUnit.SECONDS);

        assertEquals(ExitCode.SUCCESS, host.code(), host.out() + host.err());
        assertTrue(host.out().contains("left: <" + alice.uri("alice") + "> TRANSFERRED"), host.out());
        assertTrue(host.out().contains("joined: <" + carol.uri("carol") + ">"), host.out());
        assertTrue(host.out().contains("left: <" + carol.uri("carol") + "> LOCAL_HANGUP"), "hung up at the end: " + host.out());
        assertTrue(host.out().contains("duration over") && host.out().contains("3 participants joined"), host.out());
        for (Listening peer : List.of(alice, bob, carol)) {
            assertEquals(ExitCode.SUCCESS, peer.done().get(40, TimeUnit.SECONDS).code());
        }
        short[] b = heardBy("bob");
        short[] c = heardBy("carol");
        assertTrue(ToneWindows.present(b, 0, b.length, CAROL) >= 2 * SECOND, "bob hears carol, who took alice's place");
        assertTrue(ToneWindows.present(c, 0, c.length, BOB) >= 2 * SECOND, "carol hears bob");
    }

    @Test
    void answer_takesCallsUpToMaxParticipants_andRefusesTheNextWithBusy() throws Exception {
        Listening host = CommandRuns.startBound(List.of("conference", "--user", "host", "--bind", "127.0.0.1:0", "--answer",
                "--max-participants", "1", "--duration", "60"), "conference on");
        var alice = start("call", host.uri("host"), "--user", "alice", "--duration", "3");
        host.awaitPrinted("joined: <sip:alice@127.0.0.1>");
        Run bob = start("call", host.uri("host"), "--user", "bob", "--events", "json").get(40, TimeUnit.SECONDS);
        assertEquals(ExitCode.CALL_FAILED, bob.code(), bob.out() + bob.err());
        assertTrue(bob.out().contains("\"status\":486"), bob.out());
        assertEquals(ExitCode.SUCCESS, alice.get(40, TimeUnit.SECONDS).code());
        // alice hung up after 3 s: the room is empty, so the conference ends well before its 60 s.
        Run done = host.done().get(20, TimeUnit.SECONDS);
        assertEquals(ExitCode.SUCCESS, done.code(), done.out() + done.err());
        assertTrue(done.out().contains("left: <sip:alice@127.0.0.1> REMOTE_HANGUP (0 participants)"), done.out());
        assertTrue(done.out().contains("everyone left") && done.out().contains("1 participant joined"), done.out());
    }

    @Test
    void aCallThatIsRejected_makesTheConferenceFail() throws Exception {
        Listening busy = listen("--user", "busy", "--reject", "486", "--duration", "6");
        Listening alice = listen("--user", "alice", "--auto-answer", "--duration", "6");
        Run host = start("conference", "--user", "host", "--call", busy.uri("busy"), "--call", alice.uri("alice"),
                "--duration", "2").get(40, TimeUnit.SECONDS);
        assertEquals(ExitCode.CALL_FAILED, host.code(), host.out() + host.err());
        assertTrue(host.out().contains("call to " + busy.uri("busy") + " failed: REMOTE_REJECTED 486"), host.out());
        assertTrue(host.out().contains("joined: <" + alice.uri("alice") + ">"), host.out());
    }

    @Test
    void usageErrors() throws Exception {
        Run nobody = start("conference", "--user", "host").get();
        assertEquals(ExitCode.USAGE, nobody.code());
        assertTrue(nobody.err().contains("add --call URI (repeatable) and/or --answer"), nobody.err());
        for (String bad : List.of("0", "33", "many")) {
            Run r = start("conference", "--user", "host", "--answer", "--max-participants", bad).get();
            assertEquals(ExitCode.USAGE, r.code(), bad);
            assertTrue(r.err().contains("--max-participants"), r.err());
        }
        Run tooMany = start("conference", "--user", "host", "--max-participants", "2", "--call", "sip:a@127.0.0.1",
                "--call", "sip:b@127.0.0.1", "--call", "sip:c@127.0.0.1").get();
        assertEquals(ExitCode.USAGE, tooMany.code());
        assertTrue(tooMany.err().contains("3 --call options but --max-participants is 2"), tooMany.err());
        assertEquals(ExitCode.USAGE, start("conference", "--user", "host", "sip:a@127.0.0.1").get().code());
        assertEquals(ExitCode.USAGE, start("conference", "--user", "host", "--answer", "--duration", "0").get().code());
        assertEquals(ExitCode.USAGE, start("conference", "--user", "host", "--answer", "--play",
                dir.resolve("none.wav").toString()).get().code());
        Run badUri = start("conference", "--user", "host", "--call", "sip:a b@127.0.0.1").get(); // checked once the phone exists
        assertEquals(ExitCode.USAGE, badUri.code());
        assertTrue(badUri.err().contains("--call sip:a b@127.0.0.1 is not a SIP URI"), badUri.err());
        Run help = start("conference", "--help").get();
        assertEquals(ExitCode.SUCCESS, help.code());
        assertTrue(help.out().startsWith("Usage: parley conference --user NAME"), help.out());
        assertTrue(help.out().contains("--call URI") && help.out().contains("--answer") && help.out().contains("--max-participants N"),
                help.out());
        assertTrue(start("--help").get().out().contains("conference"), "listed in the top-level help");
    }
}
