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
import java.net.InetSocketAddress;
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
