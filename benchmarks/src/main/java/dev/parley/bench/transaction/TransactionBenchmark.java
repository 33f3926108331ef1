package dev.parley.bench.transaction;

import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.Timeout;
import dev.parley.sip.transaction.TimerWheel;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transaction.TransactionUser;
import dev.parley.sip.transaction.VirtualTime;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU cost of the transaction layer without sockets or SIPp: one UAS call (INVITE → 200, ACK,
 * BYE → 200) through {@link TransactionStack#receiveDatagram} per operation, in virtual time that
 * moves 1 ms per call, so about 32,000 INVITE and 32,000 BYE transactions are alive in the steady
 * state (timers L and J are 64·T1). And the timer wheel's schedule + cancel.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransactionBenchmark {

    private static final int CYCLE = 40_000;

    @State(Scope.Thread)
    public static class Uas {
        VirtualTime time;
        TransactionStack stack;
        byte[][] invites;
        byte[][] acks;
        byte[][] byes;
        int i;
        final Endpoint peer = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5061);

        @Setup(Level.Trial)
        public void setUp() {
            time = new VirtualTime(1 << 22);
            TransactionUser<SipRequest, SipResponse> tu = new TransactionUser<>() {
                @Override
                public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest r) {
                    tx.respond(r.createResponse(200, "OK", r.isMethod(SipMethod.INVITE) ? "uas" : null));
                }
            };
            stack = new TransactionStack(time, TimerConfig.DEFAULT, ParserLimits.DEFAULT, (b, to) -> true, tu,
                    new InetSocketAddress("127.0.0.1", 5060), new SplittableRandom(1), 1 << 20);
            invites = new byte[CYCLE][];
            acks = new byte[CYCLE][];
            byes = new byte[CYCLE][];
            for (int n = 0; n < CYCLE; n++) {
                invites[n] = message("INVITE", "i" + n, n, 1, "INVITE", null);
                acks[n] = message("ACK", "a" + n, n, 1, "ACK", "uas");
                byes[n] = message("BYE", "b" + n, n, 2, "BYE", "uas");
            }
        }

        private static byte[] message(String method, String branch, int call, int cseq, String cseqMethod, String toTag) {
            return (method + " sip:service@127.0.0.1:5060 SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-" + branch + "\r\n"
                    + "From: sipp <sip:sipp@127.0.0.1:5061>;tag=" + call + "\r\n"
                    + "To: service <sip:service@127.0.0.1:5060>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                    + "Call-ID: " + call + "-bench@127.0.0.1\r\n"
                    + "CSeq: " + cseq + " " + cseqMethod + "\r\n"
                    + "Contact: sip:sipp@127.0.0.1:5061\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Subject: Performance Test\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Benchmark
    public int uasCall(Uas s) {
        int n = s.i;
        s.i = n + 1 == CYCLE ? 0 : n + 1;
        byte[] inv = s.invites[n];
        byte[] ack = s.acks[n];
        byte[] bye = s.byes[n];
        s.stack.receiveDatagram(inv, 0, inv.length, s.peer);
        s.stack.receiveDatagram(ack, 0, ack.length, s.peer);
        s.stack.receiveDatagram(bye, 0, bye.length, s.peer);
        s.time.advance(1);
        return s.stack.layer().size();
    }

    @State(Scope.Thread)
    public static class Wheel {
        long now;
        TimerWheel wheel;
        final Runnable task = () -> { };

        @Setup(Level.Trial)
        public void setUp() {
            wheel = new TimerWheel(() -> now, 1, 8192, 1 << 20);
        }
    }

    @Benchmark
    public boolean timerScheduleAndCancel(Wheel w) {
        Timeout t = w.wheel.schedule(32_000, w.task);
        return t.cancel();
    }
}
