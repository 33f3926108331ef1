package dev.parley.cli;

import static dev.parley.cli.CommandRuns.listen;
import static dev.parley.cli.CommandRuns.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.CommandRuns.Listening;
import dev.parley.cli.CommandRuns.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley conference} on a TLS line (RFC 3261 §26) on 127.0.0.1, with one participant
 * reached over TLS (a {@code sips:} URI, her TLS listener) and one over UDP ({@code transport=udp}):
 * the mixer does not care how each call is carried, so each hears the other and the host. Tones
 * as in {@link ConferenceCommandTest}: host 500 Hz, alice 1100, bob 1700.
 */
@Timeout(90)
class ConferenceTlsCommandTest {

    private static final int HOST = 500;
    private static final int ALICE = 1100;
    private static final int BOB = 1700;
    /** One second of 40 ms windows. */
    private static final int SECOND = 25;

    @TempDir
    Path dir;

    private Listening peer(String user, int hz, int seconds, List<String> transport) throws Exception {
        Path tone = ToneWindows.writeTone(dir.resolve(user + "-says.wav"), hz);
        List<String> args = new ArrayList<>(List.of("--user", user, "--auto-answer", "--play", tone.toString(),
                "--record", dir.resolve(user + "-hears.wav").toString(), "--duration", String.valueOf(seconds)));
        args.addAll(transport);
        return listen(args.toArray(String[]::new));
    }

    @Test
    void aHostOnTls_withOneParticipantOverTlsAndOneOverUdp_eachHearsTheOtherAndTheHost() throws Exception {
        TlsFixture tls = TlsFixture.create(dir);
        Listening alice = peer("alice", ALICE, 20, tls.phoneOptions());
        // bob's listen ends first, hanging up: his BYE goes to the host's Contact, which must be one
        // he can reach over UDP (RFC 3261 §12.1.2: the remote target is the Contact of the INVITE).
        Listening bob = peer("bob", BOB, 7, List.of());
        String aliceUri = "sips:alice@127.0.0.1:" + alice.tlsPort();
        String bobUri = bob.uri("bob") + ";transport=udp";
        Path hostTone = ToneWindows.writeTone(dir.resolve("host-says.wav"), HOST);
        Path room = dir.resolve("room.wav");
        List<String> args = new ArrayList<>(List.of("conference", "--user", "host", "--call", aliceUri, "--call", bobUri,
                "--play", hostTone.toString(), "--record", room.toString(), "--duration", "10", "--events", "json", "--trace"));
        args.addAll(tls.phoneOptions());
        Run host = start(args.toArray(String[]::new)).get(40, TimeUnit.SECONDS);

        assertEquals(ExitCode.SUCCESS, host.code(), host.out() + host.err());
        assertTrue(host.out().lines().anyMatch(e -> e.startsWith("{\"event\":\"joined\"") && e.contains("\"participants\":2")),
                host.out());
        assertTrue(host.out().lines().anyMatch(e -> e.startsWith("{\"event\":\"left\"") && e.contains("\"remote\":\"" + bobUri)
                && e.contains("\"cause\":\"remote_hangup\"")), "bob's BYE reached the host: " + host.out());
        assertTrue(host.out().lines().anyMatch(e -> e.startsWith("{\"event\":\"left\"") && e.contains("\"remote\":\"" + aliceUri)
                && e.contains("\"cause\":\"local_hangup\"")), "the host hung alice up at the end: " + host.out());
        // The ladder (--trace, on standard error with --events json): alice's INVITE went to her TLS
        // listener, bob's to his UDP port; the host's BYEs went the same ways.
        assertTrue(host.err().contains("INVITE " + aliceUri + " "), host.err());
        assertTrue(host.err().lines().anyMatch(l -> l.contains("INVITE " + aliceUri) && l.endsWith("127.0.0.1:" + alice.tlsPort())),
                host.err());
        assertTrue(host.err().lines().anyMatch(l -> l.contains("INVITE " + bobUri) && l.endsWith("127.0.0.1:" + bob.port())),
                host.err());
        assertTrue(host.err().lines().anyMatch(l -> l.contains("BYE sips:alice@") && l.endsWith("127.0.0.1:" + alice.tlsPort())),
                host.err());
        assertEquals(ExitCode.SUCCESS, alice.done().get(40, TimeUnit.SECONDS).code());
        assertEquals(ExitCode.SUCCESS, bob.done().get(40, TimeUnit.SECONDS).code());
        assertTrue(alice.printed().contains("incoming call 1 from <sip:host@127.0.0.1>"), alice.printed());

        assertHears("alice (over TLS)", ToneWindows.read(dir.resolve("alice-hears.wav")), List.of(BOB, HOST), ALICE);
        assertHears("bob (over UDP)", ToneWindows.read(dir.resolve("bob-hears.wav")), List.of(ALICE, HOST), BOB);
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
}
