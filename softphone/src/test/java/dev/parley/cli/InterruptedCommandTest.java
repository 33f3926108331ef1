package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.registrar.RegistrarConfig;
import dev.parley.cli.registrar.RegistrarListener;
import dev.parley.cli.registrar.RegistrarNode;
import dev.parley.cli.registrar.UsersFile;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import dev.parley.ua.EndCause;
import dev.parley.ua.LineConfig;
import dev.parley.ua.PhoneListener;
import dev.parley.ua.SoftPhone;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) and SIGTERM sent to the real {@code parley} command in a child process, with an
 * in-process ua-core phone or registrar as its peer on 127.0.0.1: the peer learns that the command
 * went away (BYE, CANCEL, 480, Expires: 0), and the command says it was interrupted and exits with
 * 130 within {@link InterruptHook#CLOSE_WAIT_MILLIS} plus the JVM's own exit.
 */
@Timeout(90)
class InterruptedCommandTest {

    /** From the signal to the child's exit: the hook's wait for answers, plus room for a loaded machine. */
    private static final long EXIT_BOUND_MILLIS = InterruptHook.CLOSE_WAIT_MILLIS + 4_000;
    /** Starting a JVM and binding, on a loaded 2-core machine. */
    private static final long START_MILLIS = 30_000;

    @TempDir
    Path dir;

    @Test
    void sigint_duringAnAnsweredCall_sendsBye_andExits130() throws Exception {
        CompletableFuture<Call> incoming = new CompletableFuture<>();
        try (SoftPhone bob = phone("bob", 44000, incoming::complete);
             ChildParley alice = ChildParley.start(dir, "alice", "call", uri("bob", bob), "--user", "alice",
                     "--duration", "600", "--events", "json")) {
            Call call = arrived(incoming, alice);
            call.answer().toCompletableFuture().get(10, TimeUnit.SECONDS); // the ACK came: the dialog is confirmed

            long signalled = System.nanoTime();
            alice.interrupt();
            CallEnd end = call.ended().toCompletableFuture().get(EXIT_BOUND_MILLIS, TimeUnit.MILLISECONDS);
            int status = alice.awaitExit(EXIT_BOUND_MILLIS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

            assertEquals(EndCause.REMOTE_HANGUP, end.cause(), "bob got alice's BYE: " + end);
            assertEquals(ExitCode.INTERRUPTED.status(), status, alice.printed());
            assertTrue(tookMillis < EXIT_BOUND_MILLIS, tookMillis + " ms");
            assertTrue(alice.out().contains("{\"event\":\"interrupted\""), alice.printed());
            assertTrue(alice.out().contains("\"exit_status\":130"), alice.printed());
            assertTrue(alice.out().contains("\"cause\":\"phone_closed\""), "the call ended as the phone closed: " + alice.printed());
            assertTrue(alice.err().contains("interrupted: phone closed; exiting with 130"), "BYE answered in time: " + alice.printed());
        }
    }

    @Test
    void sigint_whileTheCallRings_sendsCancel() throws Exception {
        CompletableFuture<Call> incoming = new CompletableFuture<>();
        try (SoftPhone bob = phone("bob", 44200, incoming::complete); // never answers: 180 Ringing only
             ChildParley alice = ChildParley.start(dir, "alice", "call", uri("bob", bob), "--user", "alice",
                     "--events", "json")) {
            Call call = arrived(incoming, alice);
            alice.awaitPrinted("\"event\":\"ringing\"", 10_000); // the 180 arrived: a CANCEL may go

            alice.interrupt();
            CallEnd end = call.ended().toCompletableFuture().get(EXIT_BOUND_MILLIS, TimeUnit.MILLISECONDS);

            assertEquals(EndCause.CANCELLED_BY_REMOTE, end.cause(), "RFC 3261 §9.1: CANCEL after the 180: " + end);
            assertEquals(ExitCode.INTERRUPTED.status(), alice.awaitExit(EXIT_BOUND_MILLIS), alice.printed());
            assertTrue(alice.err().contains("interrupted: hanging up and unregistering"), alice.printed());
        }
    }

    @Test
    void sigterm_toListenWithAnAnsweredCall_sendsBye_andExits130() throws Exception {
        try (SoftPhone alice = phone("alice", 44400, c -> { });
             ChildParley bob = ChildParley.start(dir, "bob", "listen", "--user", "bob", "--bind", "127.0.0.1:0",
                     "--auto-answer")) {
            String port = bob.awaitPrinted("listening on UDP:127\\.0\\.0\\.1:(\\d+)", START_MILLIS);
            Call call = alice.lines().get(0).newCall("sip:bob@127.0.0.1:" + port);
            call.start().toCompletableFuture().get(10, TimeUnit.SECONDS); // answered, ACK sent

            long signalled = System.nanoTime();
            bob.terminate();
            CallEnd end = call.ended().toCompletableFuture().get(EXIT_BOUND_MILLIS, TimeUnit.MILLISECONDS);
            int status = bob.awaitExit(EXIT_BOUND_MILLIS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

            assertEquals(EndCause.REMOTE_HANGUP, end.cause(), "alice got bob's BYE: " + end);
            assertEquals(ExitCode.INTERRUPTED.status(), status, "SIGTERM exits 130 too: " + bob.printed());
            assertTrue(tookMillis < EXIT_BOUND_MILLIS, tookMillis + " ms");
            assertTrue(bob.out().contains("interrupted: phone closed; exiting with 130"), bob.printed());
        }
    }

    @Test
    void sigint_toAConferenceWithAParticipant_sendsBye_andExits130() throws Exception {
        try (SoftPhone alice = phone("alice", 44800, c -> { });
             ChildParley host = ChildParley.start(dir, "host", "conference", "--user", "host", "--bind", "127.0.0.1:0",
                     "--answer", "--duration", "600")) {
            String port = host.awaitPrinted("conference on UDP:127\\.0\\.0\\.1:(\\d+)", START_MILLIS);
            Call call = alice.lines().get(0).newCall("sip:host@127.0.0.1:" + port);
            call.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            host.awaitPrinted("joined: ", 10_000);

            host.interrupt();
            CallEnd end = call.ended().toCompletableFuture().get(EXIT_BOUND_MILLIS, TimeUnit.MILLISECONDS);

            assertEquals(EndCause.REMOTE_HANGUP, end.cause(), "alice got the host's BYE: " + end);
            assertEquals(ExitCode.INTERRUPTED.status(), host.awaitExit(EXIT_BOUND_MILLIS), host.printed());
            assertTrue(host.out().contains("interrupted: phone closed; exiting with 130"), host.printed());
        }
    }

    @Test
    void sigint_toListenWhileACallRingsThere_refusesItWith480() throws Exception {
        try (SoftPhone alice = phone("alice", 44600, c -> { });
             ChildParley bob = ChildParley.start(dir, "bob", "listen", "--user", "bob", "--bind", "127.0.0.1:0")) {
            String port = bob.awaitPrinted("listening on UDP:127\\.0\\.0\\.1:(\\d+)", START_MILLIS);
            Call call = alice.lines().get(0).newCall("sip:bob@127.0.0.1:" + port);
            call.start();
            bob.awaitPrinted("incoming call 1 from", 10_000);

            bob.interrupt();
            CallEnd end = call.ended().toCompletableFuture().get(EXIT_BOUND_MILLIS, TimeUnit.MILLISECONDS);

            assertEquals(EndCause.REMOTE_REJECTED, end.cause(), end.toString());
            assertEquals(480, end.statusCode(), "RFC 3261 §21.4.18 Temporarily Unavailable: " + end);
            assertEquals(ExitCode.INTERRUPTED.status(), bob.awaitExit(EXIT_BOUND_MILLIS), bob.printed());
        }
    }

    @Test
    void sigint_toRegister_removesTheBinding() throws Exception {
        List<String> registers = new CopyOnWriteArrayList<>();
        RegistrarListener seen = new RegistrarListener() {
            @Override
            public void onRegister(SipRequest request, SipResponse response) {
                registers.add("expires=" + request.expires().orElse(-1) + " -> " + response.statusCode());
            }
        };
        try (RegistrarNode registrar = RegistrarNode.start(new InetSocketAddress("127.0.0.1", 0), RegistrarConfig.DEFAULT,
                UsersFile.of(Map.of("alice", "a-secret")), seen);
             ChildParley alice = ChildParley.start(dir, "alice", "register", "--user", "alice", "--password", "a-secret",
                     "--registrar", "127.0.0.1:" + registrar.address().getPort(), "--duration", "600")) {
            alice.awaitPrinted("registered sip:alice@127.0.0.1", START_MILLIS);
            assertEquals(1, registrar.bindings("alice").size(), registers.toString());

            alice.interrupt();

            assertEquals(ExitCode.INTERRUPTED.status(), alice.awaitExit(EXIT_BOUND_MILLIS), alice.printed());
            assertTrue(registrar.bindings("alice").isEmpty(), "RFC 3261 §10.2.2 Expires: 0 removed it: " + registers);
            assertTrue(registers.contains("expires=0 -> 200"), registers.toString());
            assertTrue(alice.out().contains("interrupted: phone closed; exiting with 130"), alice.printed());
        }
    }

    @Test
    void sigint_whenTheRegistrarStopsAnswering_exitsAfterTheBoundedWait() throws Exception {
        try (DatagramSocket registrar = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             ChildParley alice = ChildParley.start(dir, "alice", "register", "--user", "alice",
                     "--registrar", "127.0.0.1:" + registrar.getLocalPort(), "--duration", "600")) {
            registrar.setSoTimeout((int) START_MILLIS);
            DatagramPacket register = receive(registrar);
            registrar.send(okTo(register)); // registered; from now on the registrar is dead
            alice.awaitPrinted("registered sip:alice@127.0.0.1", 10_000);

            long signalled = System.nanoTime();
            alice.interrupt();
            String unregister = text(receive(registrar));
            int status = alice.awaitExit(EXIT_BOUND_MILLIS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

            assertTrue(unregister.startsWith("REGISTER ") && unregister.contains("\r\nExpires: 0\r\n"), unregister);
            assertEquals(ExitCode.INTERRUPTED.status(), status, alice.printed());
            assertTrue(tookMillis >= InterruptHook.CLOSE_WAIT_MILLIS && tookMillis < EXIT_BOUND_MILLIS,
                    "waited the bound, not Timer F's 32 s: " + tookMillis + " ms");
            assertTrue(alice.out().contains("interrupted: answers still missing after 2000 ms; exiting with 130"), alice.printed());
        }
    }

    @Test
    void help_saysWhatCtrlCDoes_andTheExitStatus() {
        Main main = Main.standard();
        assertTrue(main.topLevelHelp().contains("130 interrupted (Ctrl-C or SIGTERM"), main.topLevelHelp());
        for (String command : List.of("register", "call", "listen", "conference")) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            main.run(List.of(command, "--help"), new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            String help = out.toString(StandardCharsets.UTF_8);
            assertTrue(help.contains("Ctrl-C or SIGTERM: hangs up (BYE)") && help.contains("then exits with 130."), command + ": " + help);
        }
    }

    private static DatagramPacket receive(DatagramSocket socket) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(p);
        return p;
    }

    private static String text(DatagramPacket p) {
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** A registrar's 200 to {@code request} (RFC 3261 §10.3 step 8): its Via, From, To with a tag, Call-ID, CSeq and Contact. */
    private static DatagramPacket okTo(DatagramPacket request) {
        StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String line : text(request).split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim() : "";
            switch (name) {
                case "Via", "From", "Call-ID", "CSeq", "Contact" -> ok.append(line).append("\r\n");
                case "To" -> ok.append(line).append(";tag=registrar\r\n");
                default -> { }
            }
        }
        byte[] bytes = ok.append("Expires: 3600\r\nContent-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
        return new DatagramPacket(bytes, bytes.length, request.getSocketAddress());
    }

    /** The call the child placed, once it reached the in-process phone (at most {@link #START_MILLIS}). */
    private static Call arrived(CompletableFuture<Call> incoming, ChildParley caller) throws Exception {
        try {
            return incoming.get(START_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no call arrived\n" + caller.printed(), e);
        }
    }

    /** An in-process phone on 127.0.0.1 with one line for {@code user}, not registering. */
    private static SoftPhone phone(String user, int rtpBase, Consumer<Call> onIncoming) {
        SoftPhone phone = SoftPhone.builder().sipAddress("127.0.0.1", 0).rtpPorts(rtpBase, rtpBase + 198)
                .listener(new PhoneListener() {
                    @Override
                    public void onIncomingCall(Call call) {
                        onIncoming.accept(call);
                    }
                }).build();
        phone.addLine(LineConfig.builder(user, "127.0.0.1").registrationRequired(false).build());
        return phone;
    }

    private static String uri(String user, SoftPhone phone) {
        return "sip:" + user + "@127.0.0.1:" + phone.sipEndpoint().address().getPort();
    }
}
