package dev.parley.cli;

import dev.parley.cli.registrar.RegistrarConfig;
import dev.parley.cli.registrar.RegistrarListener;
import dev.parley.cli.registrar.RegistrarNode;
import dev.parley.cli.registrar.UsersFile;
import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallState;
import dev.parley.ua.EndCause;
import dev.parley.ua.RegistrationState;
import dev.parley.ua.RegistrationStatus;
import dev.parley.ua.TransferProgress;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code parley demo}: a registrar and proxy and three phones (alice, bob, carol) in this JVM, all
 * on 127.0.0.1 with ephemeral ports. The phones register with digest; alice calls bob (G.722); each
 * hears the other's tone; alice sends DTMF {@code 1234#}; alice holds and resumes; bob
 * blind-transfers alice to carol, who hears alice's tone; alice hangs up; everything closes. Prints the SIP ladder as it happens, then the RTP/RTCP figures of each call,
 * then one line per check. Every wait is bounded by a step timeout and by the demo's deadline.
 */
final class DemoScenario {

    /** The whole demo's budget for its steps; closing adds at most {@link #CLOSE_MILLIS}. */
    static final long DEADLINE_MILLIS = 25_000;
    static final long CLOSE_MILLIS = 4_000;
    static final long STEP_MILLIS = 5_000;
    static final String DIGITS = "1234#";

    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final List<DemoCheck> checks = new ArrayList<>();
    private final List<MediaReport.CallFigures> figures = new ArrayList<>();
    private final DemoMediaSteps media = new DemoMediaSteps(checks, this::remaining);
    /** alice's last call, whose BYE's answer is checked after the phones closed. */
    private volatile Call lastCall;

    private final String silent;

    DemoScenario(PrintStream out) {
        this(out, "");
    }

    /** For tests of the bounds: the party named {@code silent} never answers a call. */
    DemoScenario(PrintStream out, String silent) {
        this.out = out;
        this.silent = silent;
    }

    /** Runs the demo and returns its checks, in order. */
    List<DemoCheck> run() {
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of("alice", "bob", "carol")) {
            byte[] secret = new byte[6];
            random.nextBytes(secret);
            passwords.put(user, HexFormat.of().formatHex(secret));
        }
        List<DemoParty> parties = new ArrayList<>();
        RegistrarNode registrar = RegistrarNode.start(new InetSocketAddress("127.0.0.1", 0), RegistrarConfig.DEFAULT,
                UsersFile.of(passwords), new RegistrarListener() { });
        try {
            String at = "127.0.0.1:" + registrar.address().getPort();
            out.println("parley demo: registrar and proxy on " + at + "; phones alice, bob and carol on 127.0.0.1");
            out.println();
            out.println("SIP ladder (each phone's view; every message passes the proxy)");
            Map<String, String> names = Map.of(at, "registrar");
            long t0 = System.currentTimeMillis();
            char key = 'A';
            for (String user : passwords.keySet()) {
                parties.add(new DemoParty(user, key++, passwords.get(user), at, out, names, t0, !user.equals(silent)));
            }
            steps(parties.get(0), parties.get(1), parties.get(2), at);
        } catch (RuntimeException e) {
            checks.add(DemoCheck.fail("demo ran to the end", "stopped by " + e));
        } finally {
            closeAll(parties, registrar);
        }
        out.println();
        out.println("RTP/RTCP per call (packets, loss, interarrival jitter, RTCP round-trip time)");
        for (MediaReport.CallFigures f : figures) {
            f.print(out);
        }
        out.println();
        out.println("Checks");
        for (DemoCheck c : checks) {
            out.println("  " + c.line());
        }
        out.println(DemoCheck.summary(checks));
        return List.copyOf(checks);
    }

    private long remaining(long stepMillis) {
        long used = (System.nanoTime() - startNanos) / 1_000_000;
        return Math.max(0, Math.min(stepMillis, DEADLINE_MILLIS - used));
    }

    private void steps(DemoParty alice, DemoParty bob, DemoParty carol, String at) {
        // 1. Registration with digest (RFC 3261 §10.2, §22): each REGISTER is challenged 401, then accepted.
        for (DemoParty p : List.of(alice, bob, carol)) {
            RegistrationStatus s = p.awaitRegistration(remaining(STEP_MILLIS));
            boolean challenged = p.received("REGISTER", 401);
            boolean ok = s != null && s.state() == RegistrationState.REGISTERED && challenged;
            checks.add(DemoCheck.of(p.name + " registers with digest", ok, (challenged ? "401 challenge answered, " : "no 401 challenge, ")
                    + (s == null ? "no outcome in time" : s.statusCode() + " " + s.reason())));
            if (!ok) {
                return;
            }
        }
        // 2. alice calls bob through the proxy; bob answers at once; G.722 is the first codec of both.
        Call aliceCall = alice.line.newCall("sip:bob@" + at);
        alice.attachMedia(aliceCall);
        CompletableFuture<Call> answered = aliceCall.start().toCompletableFuture();
        Call bobCall = bob.awaitOffered(remaining(STEP_MILLIS));
        boolean up = bobCall != null && Bounded.await(answered, remaining(STEP_MILLIS));
        String codec = aliceCall.codec().map(c -> c.encodingName()).orElse("none");
        checks.add(DemoCheck.of("alice calls bob, bob answers, codec G.722", up && codec.equals("G722"),
                up ? "codec " + codec + ", Call-ID " + shortId(aliceCall) : "not answered: " + aliceCall.state()));
        if (!up) {
            // RFC 3261 §9.1: CANCEL the ringing call, and let it end before the phones close.
            Bounded.get(aliceCall.hangUp().toCompletableFuture(), remaining(STEP_MILLIS));
            if (bobCall != null) {
                Bounded.get(bobCall.ended().toCompletableFuture(), remaining(2_000));
            }
            return;
        }
        long answeredAt = System.nanoTime();
        MediaReport.CallFigures aliceBob = new MediaReport.CallFigures("alice → bob", aliceCall, bobCall, "alice", "bob");
        figures.add(aliceBob);
        // 3. Audio both ways: each side's tone is recognised by the other's DTMF detector.
        media.heard(bob, bobCall, alice);
        media.heard(alice, aliceCall, bob);
        // 4. DTMF by RFC 4733 telephone events: bob receives exactly what alice sent.
        boolean sent = Bounded.await(aliceCall.sendDtmf(DIGITS).toCompletableFuture(), remaining(STEP_MILLIS));
        long until = System.nanoTime() + remaining(5_000) * 1_000_000;
        while (!bob.digits().equals(DIGITS) && bob.digits().length() < DIGITS.length() && System.nanoTime() < until) {
            Sleeper.sleepMillis(20);
        }
        checks.add(DemoCheck.of("alice sends DTMF " + DIGITS + ", bob receives exactly that", sent && bob.digits().equals(DIGITS),
                "bob received '" + bob.digits() + "'" + (sent ? "" : "; alice's sendDtmf did not complete")));
        // 5. Hold (RFC 3264 §8.4): alice offers sendonly, bob answers recvonly and stops sending.
        media.holdAndResume(alice, aliceCall, bob, bobCall);
        // 6. RTCP (RFC 3550 §6.4.1): a round-trip time needs our SR and then the peer's report on it;
        // with the 5 s minimum interval that takes up to about 9 s from the answer.
        media.roundTrip(aliceCall, bobCall, answeredAt);
        // 7. bob blind-transfers alice to carol (RFC 5589 §6): REFER, NOTIFYs, alice calls carol.
        Call[] transferred = transfer(alice, aliceCall, bob, bobCall, carol, at);
        Call last = transferred == null ? aliceCall : transferred[0];
        Call far = transferred == null ? bobCall : transferred[1];
        String farName = transferred == null ? "bob" : "carol";
        // 8. alice hangs up the call she is in; the other end's call ends by her BYE.
        CallEnd aliceEnd = Bounded.get(last.hangUp().toCompletableFuture(), remaining(STEP_MILLIS));
        CallEnd farEnd = Bounded.get(far.ended().toCompletableFuture(), remaining(STEP_MILLIS));
        lastCall = last;
        checks.add(DemoCheck.of("alice hangs up, " + farName + "'s call ends", aliceEnd != null && farEnd != null
                        && farEnd.cause() == EndCause.REMOTE_HANGUP,
                "alice " + (aliceEnd == null ? "still up" : aliceEnd.cause()) + ", " + farName + " "
                        + (farEnd == null ? "still up" : farEnd.cause())));
    }

    /**
     * bob transfers alice to carol; returns alice's and carol's ends of the new call, or null when
     * the transfer did not happen (alice and bob are then still talking).
     */
    private Call[] transfer(DemoParty alice, Call aliceCall, DemoParty bob, Call bobCall, DemoParty carol, String at) {
        CompletableFuture<TransferProgress> outcome;
        try {
            outcome = bobCall.blindTransfer("sip:carol@" + at).toCompletableFuture();
        } catch (RuntimeException e) {
            checks.add(DemoCheck.fail("bob blind-transfers alice to carol", e.toString()));
            return null;
        }
        boolean reported = Bounded.await(outcome, remaining(2 * STEP_MILLIS));
        TransferProgress progress = reported ? outcome.join() : null;
        checks.add(DemoCheck.of("bob blind-transfers alice to carol: REFER accepted, NOTIFY reports 200",
                progress != null && progress.succeeded(),
                progress == null ? "no outcome: " + (outcome.isCompletedExceptionally() ? Bounded.failure(outcome) : "timed out")
                        : "final sipfrag " + progress.statusCode() + " " + progress.reason()));
        if (progress == null || !progress.succeeded()) {
            return null;
        }
        Call aliceToCarol = alice.awaitReplacement(aliceCall, remaining(STEP_MILLIS));
        Call carolCall = carol.awaitOffered(remaining(STEP_MILLIS));
        CallEnd bobEnd = Bounded.get(bobCall.ended().toCompletableFuture(), remaining(STEP_MILLIS));
        CallEnd aliceOld = Bounded.get(aliceCall.ended().toCompletableFuture(), remaining(STEP_MILLIS));
        checks.add(DemoCheck.of("bob's call and alice's first call end as transferred",
                bobEnd != null && bobEnd.cause() == EndCause.TRANSFERRED && aliceOld != null,
                "bob " + (bobEnd == null ? "still up" : bobEnd.cause()) + ", alice's first call "
                        + (aliceOld == null ? "still up" : aliceOld.cause())));
        if (aliceToCarol == null || carolCall == null
                || !alice.awaitState(aliceToCarol, CallState.CONNECTED, remaining(STEP_MILLIS))) {
            checks.add(DemoCheck.fail("alice's call to carol is answered", aliceToCarol == null ? "alice made no new call"
                    : carolCall == null ? "carol was not called" : "alice's call to carol is " + aliceToCarol.state()));
            return null;
        }
        figures.add(new MediaReport.CallFigures("alice → carol (transferred by bob)", aliceToCarol, carolCall, "alice", "carol"));
        media.heard(carol, carolCall, alice);
        return new Call[] {aliceToCarol, carolCall};
    }

    private void closeAll(List<DemoParty> parties, RegistrarNode registrar) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (DemoParty p : parties) {
            closing.add(p.phone.closeAsync().toCompletableFuture());
        }
        boolean closed = Bounded.await(CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])), CLOSE_MILLIS);
        if (!parties.isEmpty() && !checks.isEmpty()) {
            boolean byeAnswered = lastCall != null && parties.get(0).received("BYE", 200, lastCall);
            checks.add(DemoCheck.of("alice's BYE answered 200 OK before her phone closed", byeAnswered,
                    byeAnswered ? "through the proxy" : "no 200 to the BYE reached alice"));
            List<String> left = new ArrayList<>();
            for (DemoParty p : parties) {
                if (!registrar.bindings(p.name).isEmpty()) {
                    left.add(p.name);
                }
            }
            checks.add(DemoCheck.of("every phone closes and unregisters", closed && left.isEmpty(),
                    closed ? (left.isEmpty() ? "no binding left at the registrar" : "still bound: " + left)
                            : "not closed within " + CLOSE_MILLIS + " ms"));
        }
        registrar.close();
    }

    static String shortId(Call call) {
        String id = call.id();
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
