package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodecsTest {

    @Test
    void byName_isCaseInsensitive() {
        assertSame(Codecs.PCMU, Codecs.byName("pcmu").orElseThrow());
        assertSame(Codecs.PCMA, Codecs.byName("PCMA").orElseThrow());
        assertSame(Codecs.G722, Codecs.byName("g722").orElseThrow());
        assertTrue(Codecs.byName("opus").isEmpty());
    }

    @Test
    void byPayloadType_followsRfc3551Table4() {
        assertSame(Codecs.PCMU, Codecs.byPayloadType(0).orElseThrow());
        assertSame(Codecs.PCMA, Codecs.byPayloadType(8).orElseThrow());
        assertSame(Codecs.G722, Codecs.byPayloadType(9).orElseThrow());
        assertTrue(Codecs.byPayloadType(96).isEmpty());
        assertTrue(Codecs.byPayloadType(-1).isEmpty());
    }

    @Test
    void g711_twentyMsFrameIs160SamplesAnd160Octets() {
        for (AudioCodec codec : new AudioCodec[] {Codecs.PCMU, Codecs.PCMA}) {
            assertEquals(160, codec.samplesPerFrame(20));
            assertEquals(160, codec.rtpTimestampsPerFrame(20));
            assertEquals(160, codec.encodedLength(160));
            assertEquals(160, codec.decodedLength(160));
        }
    }

    @Test
    void g722_sixteenKilohertzAudioOnAnEightKilohertzRtpClock() {
        // RFC 3551 §4.5.2: 20 ms is 320 samples, 160 octets and 160 RTP timestamp units.
        assertEquals(16000, Codecs.G722.sampleRate());
        assertEquals(8000, Codecs.G722.rtpClockRate());
        assertEquals(320, Codecs.G722.samplesPerFrame(20));
        assertEquals(160, Codecs.G722.rtpTimestampsPerFrame(20));
        assertEquals(160, Codecs.G722.encodedLength(320));
        assertEquals(320, Codecs.G722.decodedLength(160));
    }

    @Test
    void g722Decoder_acceptsOnlyTheThreeG722BitRates() {
        Codecs.g722Decoder(64_000);
        Codecs.g722Decoder(56_000);
        Codecs.g722Decoder(48_000);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Codecs.g722Decoder(32_000));
    }

    @Test
    void pcmuEncoderAndDecoder_roundTripAFrameThroughTheSpi() {
        short[] pcm = new short[160];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        byte[] wire = new byte[160];
        assertEquals(160, Codecs.PCMU.newEncoder().encode(pcm, 0, 160, wire, 0));
        short[] back = new short[160];
        assertEquals(160, Codecs.PCMU.newDecoder().decode(wire, 0, 160, back, 0));
        for (int i = 0; i < pcm.length; i++) {
            // µ-law's largest step below |x| = 8159 is 256: the error stays within half of it.
            assertTrue(Math.abs(pcm[i] - back[i]) <= 128, "sample " + i);
        }
    }
}
