package dev.parley.cli;

import static dev.parley.cli.CommandRuns.listen;
import static dev.parley.cli.CommandRuns.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.CommandRuns.Listening;
import dev.parley.cli.CommandRuns.Run;
import dev.parley.cli.registrar.RegistrarConfig;
import dev.parley.cli.registrar.RegistrarListener;
import dev.parley.cli.registrar.RegistrarNode;
import dev.parley.cli.registrar.UsersFile;
import dev.parley.codecs.Wav;
import dev.parley.codecs.WavAudio;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley listen} and {@code parley call} against each other over UDP on 127.0.0.1: the
 * commands a user types, with their exit statuses and JSON events.
 */
@Timeout(60)
class CallListenCommandTest {

    @TempDir
    Path dir;

    @Test
    void callToAnAutoAnsweringListener_isAnsweredOverG722AndRecorded() throws Exception {
        Path played = ToneWindows.writeTone(dir.resolve("tone.wav"), 1000);
        Path recorded = dir.resolve("heard.wav");
        Listening bob = listen("--user", "bob", "--auto-answer", "--record", recorded.toString(), "--duration", "5");
        int port = bob.port();
        CompletableFuture<Run> listener = bob.done();
        Run caller = start("call", "sip:bob@127.0.0.1:" + port, "--user", "alice", "--play", played.toString(),
                "--duration", "2", "--events", "json").get(40, TimeUnit.SECONDS);

        assertEquals(ExitCode.SUCCESS, caller.code(), caller.out() + caller.err());
        assertTrue(caller.out().contains("\"event\":\"answered\""), caller.out());
        assertTrue(caller.out().contains("\"codec\":\"G722/8000\""), caller.out());
        assertTrue(caller.out().contains("\"event\":\"ended\"") && caller.out().contains("\"cause\":\"local_hangup\""), caller.out());
        for (String line : caller.out().split("\n")) {
            assertTrue(line.startsWith("{\"event\":") && line.endsWith("}"), "one JSON object per line: " + line);
        }
        // After "ended", the call's RTP/RTCP figures: about 2 s of 20 ms packets went out.
        List<String> lines = caller.out().lines().toList();
        String media = lines.get(lines.size() - 1);
        assertTrue(media.startsWith("{\"event\":\"media\"") && lines.get(lines.size() - 2).startsWith("{\"event\":\"ended\""),
                caller.out());
        java.util.regex.Matcher sent = java.util.regex.Pattern.compile("\"rtp_sent\":(\\d+)").matcher(media);
        assertTrue(sent.find() && Integer.parseInt(sent.group(1)) >= 50, media);
        assertTrue(media.contains("\"rtp_lost\":0") && media.contains("\"jitter_ms\":") && media.contains("\"rtt_ms\":"), media);
        Run callee = listener.get(40, TimeUnit.SECONDS);
        assertEquals(ExitCode.SUCCESS, callee.code(), callee.out() + callee.err());
        assertTrue(callee.out().contains("incoming call 1 from <sip:alice@127.0.0.1>"), callee.out());
        WavAudio heard = Wav.read(recorded, 8 << 20);
        assertEquals(16000, heard.sampleRate());
        // About two seconds of the caller's tone arrived: loud samples, not silence.
        short[] s = heard.samples();
        long loud = ToneWindows.loudSamples(s);
        assertTrue(loud > 8000, "recorded " + s.length + " samples, " + loud + " loud");
    }

    @Test
    void answerTimeout_withoutAnyResponse_abandonsTheCallAtOnce() throws Exception {
        try (java.net.DatagramSocket blackHole = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            long began = System.nanoTime();
            Run caller = start("call", "sip:nobody@127.0.0.1:" + blackHole.getLocalPort(), "--user", "alice",
                    "--answer-timeout", "1").get(40, TimeUnit.SECONDS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

            assertEquals(ExitCode.CALL_FAILED, caller.code(), caller.out() + caller.err());
            assertTrue(caller.out().contains("no response within 1 s; abandoning the call"), caller.out());
            // Not Timer B's 32 s (RFC 3261 §17.1.1.2) spent waiting to send a CANCEL that §9.1 forbids.
            assertTrue(tookMillis < 10_000, "ended after " + tookMillis + " ms");
        }
    }

    @Test
    void dtmfDigits_reachTheListenerInOrder() throws Exception {
        Listening bob = listen("--user", "bob", "--auto-answer", "--duration", "6");
        int port = bob.port();
        CompletableFuture<Run> listener = bob.done();
        Run caller = start("call", "sip:bob@127.0.0.1:" + port, "--user", "alice", "--dtmf", "1234#",
                "--duration", "1").get(40, TimeUnit.SECONDS);
        assertEquals(ExitCode.SUCCESS, caller.code(), caller.out() + caller.err());
        assertTrue(caller.out().contains("sent DTMF 1234#"), caller.out());
        Run callee = listener.get(40, TimeUnit.SECONDS);
        List<String> digits = callee.out().lines().filter(l -> l.startsWith("dtmf ")).map(l -> l.substring(5, 6)).toList();
        assertEquals(List.of("1", "2", "3", "4", "#"), digits, callee.out());
    }

    @Test
    void trace_drawsALadderOfTheCall() throws Exception {
        Listening bob = listen("--user", "bob", "--auto-answer", "--duration", "4");
        int port = bob.port();
        CompletableFuture<Run> listener = bob.done();
        Run caller = start("call", "sip:bob@127.0.0.1:" + port, "--user", "alice", "--duration", "1", "--trace")
                .get(40, TimeUnit.SECONDS);
        assertEquals(ExitCode.SUCCESS, caller.code(), caller.out() + caller.err());
        List<String> ladder = caller.out().lines().filter(l -> l.contains(" alice ")).toList();
        String peer = "127.0.0.1:" + port;
        assertTrue(ladder.get(0).contains("alice ───── INVITE sip:bob@" + peer + " ["), ladder.toString());
        assertTrue(ladder.get(0).endsWith("▶ " + peer), ladder.toString());
        assertTrue(ladder.stream().anyMatch(l -> l.contains("alice ◀──── 180 Ringing [")), ladder.toString());
        assertTrue(ladder.stream().anyMatch(l -> l.contains("alice ◀──── 200 OK [")), ladder.toString());
        assertTrue(ladder.stream().anyMatch(l -> l.contains("alice ───── ACK ")), ladder.toString());
        assertTrue(ladder.stream().anyMatch(l -> l.contains("alice ───── BYE ")), ladder.toString());
        // One Call-ID short form on every line of this one call.
        assertEquals(1, ladder.stream().map(l -> l.substring(l.indexOf('[') + 1, l.indexOf(']'))).distinct().count(),
                ladder.toString());
        assertEquals(ExitCode.SUCCESS, listener.get(40, TimeUnit.SECONDS).code());
    }

    @Test
    void trace_throughTheRegistrarProxy_showsTheAnswerToTheCallersBye() throws Exception {
        try (RegistrarNode proxy = RegistrarNode.start(new InetSocketAddress("127.0.0.1", 0), RegistrarConfig.DEFAULT,
                UsersFile.of(Map.of("alice", "a-secret", "bob", "b-secret")), new RegistrarListener() { })) {
            String at = "127.0.0.1:" + proxy.address().getPort();
            CompletableFuture<Run> listener = start("listen", "--user", "bob", "--password", "b-secret", "--registrar", at,
                    "--proxy", at, "--auto-answer", "--duration", "8");
            for (int i = 0; i < 200 && proxy.bindings("bob").isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertEquals(1, proxy.bindings("bob").size(), "bob registered");
            Run caller = start("call", "sip:bob@" + at, "--user", "alice", "--password", "a-secret", "--registrar", at,
                    "--proxy", at, "--duration", "1", "--trace").get(40, TimeUnit.SECONDS);
            assertEquals(ExitCode.SUCCESS, caller.code(), caller.out() + caller.err());
            List<String> ladder = caller.out().lines().filter(l -> l.contains(" alice ")).toList();
            String bye = ladder.stream().filter(l -> l.contains("alice ───── BYE ")).findFirst().orElseThrow();
            String callId = bye.substring(bye.indexOf('['), bye.indexOf(']') + 1);
            // The 200 with the call's Call-ID (not the 200 to the un-REGISTER) comes back through the proxy before exit.
            assertTrue(ladder.subList(ladder.indexOf(bye), ladder.size()).stream()
                    .anyMatch(l -> l.contains("alice ◀──── 200 OK " + callId) && l.endsWith("proxy " + at)), ladder.toString());
            assertEquals(ExitCode.SUCCESS, listener.get(40, TimeUnit.SECONDS).code());
        }
    }

    @Test
    void listenTransferTo_sendsTheCallerOnToTheTarget_andTheCallerFollows() throws Exception {
        Listening carolListening = listen("--user", "carol", "--auto-answer", "--duration", "9");
        String carol = "sip:carol@127.0.0.1:" + carolListening.port();
        CompletableFuture<Run> carolRun = carolListening.done();
        Listening bobListening = listen("--user", "bob", "--auto-answer", "--transfer-to", carol, "--duration", "9");
        int bobPort = bobListening.port();
        CompletableFuture<Run> bobRun = bobListening.done();
        Run alice = start("call", "sip:bob@127.0.0.1:" + bobPort, "--user", "alice", "--duration", "4",
                "--events", "json").get(40, TimeUnit.SECONDS);

        assertEquals(ExitCode.SUCCESS, alice.code(), alice.out() + alice.err());
        List<String> events = alice.out().lines().toList();
        // RFC 3515 / RFC 5589 §6: alice is REFERred by bob, calls carol, and her call to bob ends as transferred.
        assertTrue(events.stream().anyMatch(e -> e.contains("\"event\":\"transferred\"") && e.contains("\"to\":\"" + carol + "\"")),
                alice.out());
        assertTrue(events.stream().anyMatch(e -> e.contains("\"event\":\"ended\"") && e.contains("\"cause\":\"transferred\"")),
                alice.out());
        assertEquals(2, events.stream().filter(e -> e.contains("\"event\":\"answered\"")).count(), "bob, then carol: " + alice.out());
        assertTrue(alice.err().contains("ended: LOCAL_HANGUP"), "alice hangs up on carol at the end: " + alice.err());
        Run bob = bobRun.get(40, TimeUnit.SECONDS);
        assertTrue(bob.out().contains("call 1: transferred to " + carol + " (200 OK)"), bob.out());
        Run carolDone = carolRun.get(40, TimeUnit.SECONDS);
        assertTrue(carolDone.out().contains("incoming call 1 from <sip:alice@127.0.0.1>"), carolDone.out());
    }

    @Test
    void callTransferTo_transfersTheAnsweringPartyToTheTarget() throws Exception {
        Listening carolListening = listen("--user", "carol", "--auto-answer", "--duration", "7");
        String carol = "sip:carol@127.0.0.1:" + carolListening.port();
        CompletableFuture<Run> carolRun = carolListening.done();
        Listening bobListening = listen("--user", "bob", "--auto-answer", "--duration", "7");
        int bobPort = bobListening.port();
        CompletableFuture<Run> bobRun = bobListening.done();
        Run alice = start("call", "sip:bob@127.0.0.1:" + bobPort, "--user", "alice", "--transfer-to", carol)
                .get(40, TimeUnit.SECONDS);

        assertEquals(ExitCode.SUCCESS, alice.code(), alice.out() + alice.err());
        assertTrue(alice.out().contains("transferred to " + carol + " (200 OK)"), alice.out());
        assertTrue(alice.out().contains("ended: TRANSFERRED"), alice.out());
        Run carolDone = carolRun.get(40, TimeUnit.SECONDS);
        assertTrue(carolDone.out().contains("incoming call 1 from <sip:bob@127.0.0.1>"), "bob now calls carol: " + carolDone.out());
        assertTrue(bobRun.get(40, TimeUnit.SECONDS).out().contains("transferred by <sip:alice@127.0.0.1"), "bob was REFERred");
    }

    @Test
    void transportTcp_registersAndCallsThroughTheRegistrarOverTcp() throws Exception {
        try (RegistrarNode proxy = RegistrarNode.start(new InetSocketAddress("127.0.0.1", 0), RegistrarConfig.DEFAULT,
                UsersFile.of(Map.of("alice", "a-secret", "bob", "b-secret")), new RegistrarListener() { })) {
            String at = "127.0.0.1:" + proxy.address().getPort();
            CompletableFuture<Run> listener = start("listen", "--user", "bob", "--password", "b-secret", "--registrar", at,
                    "--proxy", at, "--transport", "tcp", "--auto-answer", "--duration", "8");
            for (int i = 0; i < 200 && proxy.bindings("bob").isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertEquals(1, proxy.bindings("bob").size(), "bob registered");
            var bob = proxy.bindings("bob").get(0);
            assertEquals(dev.parley.sip.transport.TransportKind.TCP, bob.source().transport(), "REGISTER came over TCP");
            assertTrue(bob.contact().toString().contains(";transport=tcp"), bob.contact().toString());
            Run caller = start("call", "sip:bob@" + at, "--user", "alice", "--password", "a-secret", "--registrar", at,
                    "--proxy", at, "--transport", "tcp", "--duration", "1", "--events", "json").get(40, TimeUnit.SECONDS);
            assertEquals(ExitCode.SUCCESS, caller.code(), caller.out() + caller.err());
            assertTrue(caller.out().contains("\"event\":\"answered\""), caller.out());
            assertEquals(ExitCode.SUCCESS, listener.get(40, TimeUnit.SECONDS).code());
        }
    }

    @Test
    void callToARejectingListener_failsWithTheStatus() throws Exception {
        Listening bob = listen("--user", "bob", "--reject", "486", "--duration", "4");
        int port = bob.port();
        CompletableFuture<Run> listener = bob.done();
        Run caller = start("call", "sip:bob@127.0.0.1:" + port, "--user", "alice", "--events", "json")
                .get(40, TimeUnit.SECONDS);
        assertEquals(ExitCode.CALL_FAILED, caller.code(), caller.out() + caller.err());
        assertEquals(4, caller.code().status());
        assertTrue(caller.out().contains("\"status\":486"), caller.out());
        assertTrue(caller.err().contains("ended: REMOTE_REJECTED 486"), caller.err());
        assertEquals(ExitCode.SUCCESS, listener.get(40, TimeUnit.SECONDS).code());
    }

    @Test
    void badArguments_areUsageErrorsBeforeAnySocketOpens() throws Exception {
        assertEquals(ExitCode.USAGE, start("call", "--user", "alice").get().code());
        assertEquals(ExitCode.USAGE, start("call", "sip:x@127.0.0.1", "--user", "a", "--transport", "sctp").get().code());
        assertEquals(ExitCode.USAGE, start("listen", "--user", "b", "--auto-answer", "--reject", "486").get().code());
        assertEquals(ExitCode.USAGE, start("listen", "--user", "b", "--bind", "localhost").get().code());
        assertEquals(ExitCode.USAGE, start("register", "--user", "b").get().code());
        assertEquals(ExitCode.USAGE, start("call", "sip:x@127.0.0.1", "--user", "a", "--dtmf", "12x").get().code());
        assertEquals(ExitCode.USAGE, start("call", "sip:x@127.0.0.1", "--user", "a", "--transfer-to", "carol").get().code());
        assertEquals(ExitCode.USAGE, start("listen", "--user", "b", "--transfer-to", "sip:c@127.0.0.1").get().code());
        Run badPlay = start("call", "sip:x@127.0.0.1", "--user", "a", "--play", dir.resolve("none.wav").toString()).get();
        assertEquals(ExitCode.USAGE, badPlay.code());
        assertTrue(badPlay.err().contains("--play: cannot read"), badPlay.err());
    }

    /** A target that is no URI (RFC 3261 §19.1.1) is a usage error with the reason, not a stack trace. */
    @Test
    void malformedTargetUri_isAUsageError() throws Exception {
        Run run = start("call", "sip:a b@c", "--user", "a").get(20, TimeUnit.SECONDS);
        assertEquals(ExitCode.USAGE, run.code(), run.err());
        assertTrue(run.err().contains("sip:a b@c is not a SIP URI"), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
