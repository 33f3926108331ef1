package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrarCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ExitCode run(Main main, String... args) {
        return main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path users(String text) throws IOException {
        Path file = dir.resolve("users.txt");
        Files.writeString(file, text);
        return file;
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_describesTheUsersFileFormat() {
        assertEquals(ExitCode.SUCCESS, run(Main.standard(), "registrar", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("one 'user:password' per line"), help);
        assertTrue(help.contains("--bind ADDR:PORT"), help);
        assertTrue(help.contains("403"), help);
        assertTrue(Main.standard().topLevelHelp().contains("registrar"));
    }

    @Test
    void missingUsers_isAUsageError() {
        assertEquals(ExitCode.USAGE, run(Main.standard(), "registrar", "--bind", "127.0.0.1:0"));
        assertTrue(errors().contains("missing --users"), errors());
    }

    @Test
    void aBadUsersLine_isAUsageErrorNamingTheLine() throws IOException {
        Path file = users("alice:wonderland\n# ok\nbob builder\n");
        assertEquals(ExitCode.USAGE, run(Main.standard(), "registrar", "--users", file.toString(), "--bind", "127.0.0.1:0"));
        assertTrue(errors().contains("line 3: expected user:password"), errors());
    }

    @Test
    void anEmptyUsersFile_isAUsageError() throws IOException {
        assertEquals(ExitCode.USAGE, run(Main.standard(), "registrar", "--users", users("# nobody\n").toString()));
        assertTrue(errors().contains("has no users"), errors());
    }

    @Test
    void aMissingUsersFile_isAnIoError() {
        assertEquals(ExitCode.IO_ERROR, run(Main.standard(), "registrar", "--users", dir.resolve("nope").toString(),
                "--bind", "127.0.0.1:0"));
        assertTrue(errors().contains("cannot read the users file"), errors());
    }

    @Test
    void bindAddresses_mustBeConcreteIpLiteralsWithAPort() throws UsageException {
        assertEquals(new InetSocketAddress("127.0.0.1", 5060), RegistrarCommand.bindAddress("127.0.0.1:5060"));
        assertEquals(new InetSocketAddress("::1", 5070), RegistrarCommand.bindAddress("[::1]:5070"));
        for (String bad : List.of("localhost:5060", "127.0.0.1", "127.0.0.1:x", "127.0.0.1:70000", "::1:5060", "0.0.0.0:5060")) {
            try {
                RegistrarCommand.bindAddress(bad);
                throw new AssertionError("accepted " + bad);
            } catch (UsageException expected) {
                assertTrue(expected.getMessage().contains("--bind"), expected.getMessage());
            }
        }
    }

    @Test
    void running_answersARegisterOnLoopbackUdp_printsItWhenVerbose_andStops() throws Exception {
        Path file = users("alice:wonderland\n");
        CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();
        CompletableFuture<Runnable> stopper = new CompletableFuture<>();
        Main main = new Main(List.of(new RegistrarCommand((node, stop) -> {
            stopper.complete(stop);
            listening.complete(node.address());
        })));
        CompletableFuture<ExitCode> exit = CompletableFuture.supplyAsync(() -> run(main, "registrar", "--users",
                file.toString(), "--bind", "127.0.0.1:0", "--verbose", "--duration", "60"));
        InetSocketAddress at = listening.get(20, TimeUnit.SECONDS);
        List<String> received = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            int port = socket.getLocalPort();
            String register = String.join("\r\n",
                    "REGISTER sip:127.0.0.1 SIP/2.0",
                    "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bKcmd1",
                    "Max-Forwards: 70",
                    "From: <sip:alice@127.0.0.1>;tag=a1",
                    "To: <sip:alice@127.0.0.1>",
                    "Call-ID: cmd-test-1",
                    "CSeq: 1 REGISTER",
                    "Contact: <sip:alice@127.0.0.1:" + port + ">",
                    "Content-Length: 0", "", "");
            byte[] bytes = register.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, at));
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            received.add(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
        } finally {
            stopper.get(20, TimeUnit.SECONDS).run();
        }
        assertEquals(ExitCode.SUCCESS, exit.get(20, TimeUnit.SECONDS));
        assertTrue(received.get(0).startsWith("SIP/2.0 401 Unauthorized\r\n"), received.get(0));
        assertTrue(received.get(0).contains("WWW-Authenticate: Digest realm=\"parley\""), received.get(0));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("parley registrar: listening on udp+tcp 127.0.0.1:" + at.getPort() + ", realm parley, 1 user"), printed);
        assertTrue(printed.contains("REGISTER sip:alice@127.0.0.1 -> 401 Unauthorized"), printed);
        assertTrue(printed.endsWith("parley registrar: stopped\n"), printed);
    }
}
