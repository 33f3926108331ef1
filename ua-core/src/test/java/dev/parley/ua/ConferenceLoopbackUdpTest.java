package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.AudioCodec;
import dev.parley.codecs.Codecs;
import dev.parley.codecs.ToneMeter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A conference on real UDP sockets on 127.0.0.1 (ephemeral ports) with the phones' real threads:
 * the mixing runs on the host's media thread while the SIP thread adds and removes calls.
 */
class ConferenceLoopbackUdpTest {

    /** Keeps 0.5 s of audio, starting 10 frames after the first loud one (so that every leg has joined). */
    private static final class Collector implements AudioSink {
        final CompletableFuture<short[]> full = new CompletableFuture<>();
        private short[] audio;
        private int filled;
        private int skip = -1;
        int rate;

        @Override
        public synchronized void write(short[] frame, int sampleRate) {
            int n = sampleRate / 50;
            rate = sampleRate;
            if (skip < 0) {
                for (int i = 0; i < n && skip < 0; i++) {
                    if (Math.abs(frame[i]) > 3000) {
                        skip = 10;
                    }
                }
                return;
            }
            if (skip > 0) {
                skip--;
                return;
            }
            if (audio == null) {
                audio = new short[sampleRate / 2];
            }
            int take = Math.min(n, audio.length - filled);
            System.arraycopy(frame, 0, audio, filled, take);
            filled += take;
            if (filled == audio.length) {
                full.complete(audio);
            }
        }
    }

    /** A phone whose incoming calls complete {@code rung}. */
    private static SoftPhone phone(int rtpBase, CompletableFuture<Call> rung, AudioCodec... codecs) {
        return SoftPhone.builder().sipAddress("127.0.0.1", 0).codecs(codecs).rtpPorts(rtpBase, rtpBase + 998)
                .listener(new PhoneListener() {
                    @Override
                    public void onIncomingCall(Call call) {
                        rung.complete(call);
                    }
                }).build();
    }

    /** The host calls {@code user} on {@code peer}, which answers playing {@code tone} and capturing into {@code hears}. */
    private static Call connect(PhoneLine hostLine, SoftPhone peer, CompletableFuture<Call> rung, String user,
                                double tone, Collector hears) throws Exception {
        peer.addLine(LineConfig.builder(user, "127.0.0.1").registrationRequired(false).build());
        Call out = hostLine.newCall("sip:" + user + "@127.0.0.1:" + peer.sipEndpoint().address().getPort());
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        // Generous bounds: on a machine loaded by parallel builds a cold phone took over 10 s to ring once.
        Call in = rung.get(30, TimeUnit.SECONDS);
        in.audioSource(AudioSources.tone(0.3, tone));
        in.audioSink(hears);
        in.answer().toCompletableFuture().get(30, TimeUnit.SECONDS);
        answered.get(30, TimeUnit.SECONDS);
        return out;
    }

    @Test
    @Timeout(180)
    void conferenceOfThreeOverLoopbackUdp_eachHearsTheOtherTwo() throws Exception {
        CompletableFuture<Call> aliceRung = new CompletableFuture<>();
        CompletableFuture<Call> bobRung = new CompletableFuture<>();
        SoftPhone host = phone(42000, new CompletableFuture<>(), Codecs.G722, Codecs.PCMU);
        SoftPhone alice = phone(43000, aliceRung, Codecs.G722);
        SoftPhone bob = phone(44000, bobRung, Codecs.PCMU);
        PhoneLine hostLine = host.addLine(LineConfig.builder("host", "127.0.0.1").registrationRequired(false).build());
        try {
            Collector aliceHears = new Collector();
            Collector bobHears = new Collector();
            Collector hostHears = new Collector();
            Call toAlice = connect(hostLine, alice, aliceRung, "alice", 1100, aliceHears);
            Call toBob = connect(hostLine, bob, bobRung, "bob", 1700, bobHears);
            assertEquals("G722", toAlice.codec().orElseThrow().encodingName());
            assertEquals("PCMU", toBob.codec().orElseThrow().encodingName());

            Conference conf = host.newConference();
            conf.audioSource(AudioSources.tone(0.3, 500));
            conf.audioSink(hostHears);
            conf.add(toAlice);
            conf.add(toBob);

            short[] a = aliceHears.full.get(10, TimeUnit.SECONDS);
            short[] b = bobHears.full.get(10, TimeUnit.SECONDS);
            short[] h = hostHears.full.get(10, TimeUnit.SECONDS);
            assertTrue(ToneMeter.relativePower(a, 0, a.length, aliceHears.rate, 500) > 0.12, "alice hears the host");
            assertTrue(ToneMeter.relativePower(a, 0, a.length, aliceHears.rate, 1700) > 0.12, "alice hears bob");
            assertTrue(ToneMeter.relativePower(a, 0, a.length, aliceHears.rate, 1100) < 0.02, "not herself");
            assertTrue(ToneMeter.relativePower(b, 0, b.length, bobHears.rate, 500) > 0.12, "bob hears the host");
            assertTrue(ToneMeter.relativePower(b, 0, b.length, bobHears.rate, 1100) > 0.12, "bob hears alice");
            assertTrue(ToneMeter.relativePower(b, 0, b.length, bobHears.rate, 1700) < 0.02, "not himself");
            assertTrue(ToneMeter.relativePower(h, 0, h.length, 16000, 1100) > 0.12, "the host hears alice");
            assertTrue(ToneMeter.relativePower(h, 0, h.length, 16000, 1700) > 0.12, "the host hears bob");
            assertTrue(ToneMeter.relativePower(h, 0, h.length, 16000, 500) < 0.02, "not itself");
            conf.close();
            assertEquals(java.util.List.of(), conf.participants());
        } finally {
            host.close();
            alice.close();
            bob.close();
        }
    }
}
