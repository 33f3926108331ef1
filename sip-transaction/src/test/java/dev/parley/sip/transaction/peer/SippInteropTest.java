package dev.parley.sip.transaction.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interop with SIPp 3.6 (Debian sip-tester): its built-in {@code uac} scenario against a Parley
 * UAS and its {@code uas} scenario against a Parley UAC, with and without SIPp losing 10 % of
 * packets ({@code -lost 10}). Loopback only, bounded call counts, every SIPp under timeout(1).
 */
class SippInteropTest {

    private static final int CALLS = 40;

    private void sippUacCalls(String name, List<String> extra) throws Exception {
        Sipp.binary();
        try (SipNode<AnsweringUas> uas = SipNode.start("uas", new InetSocketAddress("127.0.0.1", 0), TimerConfig.DEFAULT,
                10_000, (loop, addr) -> new AnsweringUas(loop, TimerConfig.DEFAULT, addr, 0, 10_000))) {
            List<String> args = new java.util.ArrayList<>(List.of("-sn", "uac", "-p", Integer.toString(Sipp.freePort()),
                    "-mp", Integer.toString(Sipp.freePort()), "-m", Integer.toString(CALLS), "-r", "20", "-l", "20",
                    "-d", "100", "-timeout", "60s"));
            args.addAll(extra);
            args.add("127.0.0.1:" + uas.address().getPort());
            Process p = Sipp.start(name, 90, args);
            int code = Sipp.await(p, 100);
            // SIPp exits 0 only when every call succeeded.
            assertEquals(0, code, "sipp exit code; log tail:\n" + Sipp.log(name));
            // Every INVITE is answered exactly once: retransmissions are absorbed by the transaction.
            assertEquals(CALLS, uas.tu().answered());
            if (extra.isEmpty()) {
                assertEquals(CALLS, uas.tu().byes());
            } else {
                // Under -lost, SIPp's built-in uac may take a retransmitted 200 for the INVITE as the
                // answer to a BYE it "lost" (its recv does not check the CSeq method), so a few BYEs
                // never reach us although SIPp counts the call as successful.
                assertTrue(uas.tu().byes() >= CALLS - 5, "BYEs received: " + uas.tu().byes());
            }
        }
    }

    private void sippUasCalls(String name, List<String> extra) throws Exception {
        Sipp.binary();
        int sippPort = Sipp.freePort();
        List<String> args = new java.util.ArrayList<>(List.of("-sn", "uas", "-p", Integer.toString(sippPort),
                "-mp", Integer.toString(Sipp.freePort()), "-m", Integer.toString(CALLS), "-timeout", "60s"));
        args.addAll(extra);
        Process p = Sipp.start(name, 90, args);
        try (SipNode<CallingUac> uac = SipNode.start("uac", new InetSocketAddress("127.0.0.1", 0), TimerConfig.DEFAULT,
                10_000, (loop, addr) -> new CallingUac(loop, addr, 50))) {
            Thread.sleep(300); // let SIPp bind its port before the first INVITE (retransmissions would cover it)
            Endpoint target = new Endpoint(TransportKind.UDP, new InetSocketAddress("127.0.0.1", sippPort));
            for (int i = 0; i < CALLS; i++) {
                uac.loop().execute(() -> uac.tu().call(uac.stack(), target, "sipp"));
                Thread.sleep(20);
            }
            for (int i = 0; i < 6000 && uac.tu().completed() + uac.tu().failed() < CALLS; i++) {
                Thread.sleep(10);
            }
            int code = Sipp.await(p, 100);
            String why = "completed=" + uac.tu().completed() + " failed=" + uac.tu().failed() + "; sipp log tail:\n" + Sipp.log(name);
            // Every INVITE gets its 2xx, lossy run included: 0 failed INVITE transactions.
            assertEquals(CALLS, uac.tu().established(), why);
            assertEquals(0, code, "sipp exit code; " + why);
            if (extra.isEmpty()) {
                assertEquals(CALLS, uac.tu().completed(), why);
                assertEquals(0, uac.tu().failed(), why);
            } else {
                // Known residual (about 1 run in 40 of 40 calls): SIPp's uas scenario ends a call 4 s
                // (timewait) after its 200 for the BYE. When that 200 is "lost" and the 200s it resends
                // for our BYE retransmissions (RFC 3261 §17.1.2.2: +0.5, +1.5, +3.5 s) are lost too
                // (10 % on each receive and each send: ≈ 0.1 × 0.19³ per call), the call is dead in
                // SIPp before our next retransmission; SIPp counts it successful, our BYE ends at
                // timer F. At most one such BYE.
                assertTrue(uac.tu().completed() >= CALLS - 1, why);
                assertEquals(CALLS, uac.tu().completed() + uac.tu().failed(), why);
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void sippUac_againstParleyUas() throws Exception {
        sippUacCalls("uac", List.of());
    }

    @Test
    void sippUac_againstParleyUas_withTenPercentLoss() throws Exception {
        sippUacCalls("uac-lost", List.of("-lost", "10"));
    }

    @Test
    void sippUas_againstParleyUac() throws Exception {
        sippUasCalls("uas", List.of());
    }

    @Test
    void sippUas_againstParleyUac_withTenPercentLoss() throws Exception {
        // SIPp's retransmission detection (call.cpp) remembers the received INVITE only until its
        // second send: sending the 200 after the 180 overwrites the remembered hash with 0. When
        // SIPp "loses" both its 180 and its first 200, our INVITE retransmission (RFC 3261
        // §17.1.1.2, timer A = T1) races its 200 retransmission (also at 500 ms); arriving after
        // it, it no longer counts as a retransmission and the default "abortunexp" behaviour
        // aborts the call. Turning that one behaviour off makes SIPp ignore the INVITE
        // retransmission (as RFC 3261 §17.2.1 would absorb it) and keep resending its 200.
        sippUasCalls("uas-lost", List.of("-lost", "10", "-default_behaviors", "all,-abortunexp",
                "-trace_err", "-error_file", "target/sipp-uas-lost-errors.log", "-trace_msg", "-message_file", "target/sipp-uas-lost-messages.log"));
    }
}
