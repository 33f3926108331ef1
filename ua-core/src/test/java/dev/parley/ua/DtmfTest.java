package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.AudioCodec;
import dev.parley.codecs.Codecs;
import dev.parley.ua.fixture.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DTMF by RFC 4733 telephone events between two phones in virtual time, both directions. */
class DtmfTest {

    private static final String BOB = "sip:bob@127.0.0.1:5080";
    private static final String ALL = "0123456789*#";

    private static final class Phone implements PhoneListener {
        final List<Call> incoming = new ArrayList<>();
        final List<DtmfEvent> dtmf = new ArrayList<>();
        final PhoneLine line;

        Phone(Lab lab, String user, AudioCodec codec) {
            this(lab, user, codec, true);
        }

        Phone(Lab lab, String user, AudioCodec codec, boolean telephoneEvent) {
            SoftPhone phone = SoftPhone.builder()
                    .telephoneEvent(telephoneEvent)
                    .inMemory(lab.sip, lab.media, lab.time)
                    .sipAddress("127.0.0.1", user.equals("alice") ? 5070 : 5080)
                    .random(new SplittableRandom(user.hashCode()))
                    .codecs(codec)
                    .listener(this)
                    .build();
            line = phone.addLine(LineConfig.builder(user, "parley.test").registrationRequired(false).build());
        }

        @Override
        public void onIncomingCall(Call call) {
            incoming.add(call);
        }

        @Override
        public void onDtmf(Call call, DtmfEvent event) {
            dtmf.add(event);
        }

        String digits() {
            StringBuilder b = new StringBuilder();
            dtmf.forEach(e -> b.append(e.digit()));
            return b.toString();
        }
    }

    private static Call[] connect(Lab lab, Phone alice, Phone bob) {
        Call out = alice.line.newCall(BOB);
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> !bob.incoming.isEmpty(), 20_000), "bob is rung");
        Call in = bob.incoming.get(0);
        CompletableFuture<Call> accepted = in.answer().toCompletableFuture();
        assertTrue(lab.runUntil(() -> answered.isDone() && accepted.isDone(), 40_000), "answered");
        return new Call[] {out, in};
    }

    static Stream<Arguments> codecsAndLoss() {
        return Stream.of(Codecs.G722, Codecs.PCMU)
                .flatMap(c -> Stream.of(Arguments.of(c, 0.0), Arguments.of(c, 0.1)));
    }

    @ParameterizedTest(name = "{0}, SIP loss {1}")
    @MethodSource("codecsAndLoss")
    void allTwelveDigits_arriveExactlyInOrder_withTheirDuration_bothWays(AudioCodec codec, double loss) {
        Lab lab = new Lab(41, loss);
        Phone alice = new Phone(lab, "alice", codec);
        Phone bob = new Phone(lab, "bob", codec);
        Call[] c = connect(lab, alice, bob);

        CompletableFuture<Call> queued = c[0].sendDtmf(ALL).toCompletableFuture();
        assertTrue(lab.runUntil(() -> bob.dtmf.size() >= ALL.length(), 20_000), () -> "bob got " + bob.digits());
        lab.time.advance(1_000);
        assertTrue(queued.isDone() && !queued.isCompletedExceptionally());
        assertEquals(ALL, bob.digits(), "each digit exactly once, in order");
        // RFC 4733 §2.5.1.4: the final duration, in 8 kHz timestamp units, is the key press length.
        bob.dtmf.forEach(e -> assertEquals(Call.DEFAULT_DTMF_MILLIS, e.durationMillis(), e::toString));
        assertEquals(0, alice.dtmf.size(), "the sender hears none of its own digits");

        c[1].sendDtmf("#9*1", 240);
        assertTrue(lab.runUntil(() -> alice.dtmf.size() >= 4, 20_000), () -> "alice got " + alice.digits());
        lab.time.advance(1_000);
        assertEquals("#9*1", alice.digits());
        alice.dtmf.forEach(e -> assertEquals(240, e.durationMillis(), e::toString));
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.0, 0.1})
    void withoutTelephoneEvent_digitsGoBySipInfo_exactlyInOrder_bothWays(double loss) {
        Lab lab = new Lab(44, loss);
        Phone alice = new Phone(lab, "alice", Codecs.PCMU, false);
        Phone bob = new Phone(lab, "bob", Codecs.PCMU);
        List<String> infos = new ArrayList<>();
        lab.sip.tap((at, from, to, payload, fate) -> {
            String m = new String(payload, java.nio.charset.StandardCharsets.US_ASCII);
            if (m.startsWith("INFO ")) {
                infos.add(m);
            }
        });
        Call[] c = connect(lab, alice, bob);

        CompletableFuture<Call> sent = c[0].sendDtmf(ALL).toCompletableFuture();
        assertTrue(lab.runUntil(sent::isDone, 120_000), () -> "bob got " + bob.digits());
        assertTrue(!sent.isCompletedExceptionally());
        lab.time.advance(1_000);
        assertEquals(ALL, bob.digits(), "each digit exactly once, in order, though INFOs were lost and resent");
        bob.dtmf.forEach(e -> assertEquals(Call.DEFAULT_DTMF_MILLIS, e.durationMillis(), e::toString));
        assertTrue(infos.get(0).contains("Content-Type: application/dtmf-relay\r\n"), infos.get(0));
        assertTrue(infos.get(0).endsWith("\r\n\r\nSignal=0\r\nDuration=100\r\n"), infos.get(0));

        CompletableFuture<Call> back = c[1].sendDtmf("*7#", 240).toCompletableFuture();
        assertTrue(lab.runUntil(back::isDone, 60_000));
        lab.time.advance(1_000);
        assertEquals("*7#", alice.digits());
        alice.dtmf.forEach(e -> assertEquals(240, e.durationMillis(), e::toString));
    }

    @Test
    void repeatedDigits_areSeparateEvents() {
        Lab lab = new Lab(42, 0);
        Phone alice = new Phone(lab, "alice", Codecs.PCMA);
        Phone bob = new Phone(lab, "bob", Codecs.PCMA);
        Call[] c = connect(lab, alice, bob);
        c[0].sendDtmf("1");
        c[0].sendDtmf("11");   // queued behind the first call's digit
        assertTrue(lab.runUntil(() -> bob.dtmf.size() >= 3, 10_000));
        lab.time.advance(1_000);
        assertEquals("111", bob.digits());
    }

    @Test
    void dtmf_onACallNotEstablished_failsAndBadDigitsAreRefused() throws Exception {
        Lab lab = new Lab(43, 0);
        Phone alice = new Phone(lab, "alice", Codecs.PCMU);
        Call idle = alice.line.newCall(BOB);
        CompletableFuture<Call> early = idle.sendDtmf("1").toCompletableFuture();
        lab.time.advance(10);
        ExecutionException e = assertThrows(ExecutionException.class, early::get);
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertThrows(IllegalArgumentException.class, () -> idle.sendDtmf("12x"));
        assertThrows(IllegalArgumentException.class, () -> idle.sendDtmf("1", 10));
    }
}
