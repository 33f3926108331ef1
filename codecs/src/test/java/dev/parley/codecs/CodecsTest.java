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
        assertTrue(Codecs.byName("opus").isEmpty());
    }

    @Test
    void byPayloadType_followsRfc3551Table4() {
        assertSame(Codecs.PCMU, Codecs.byPayloadType(0).orElseThrow());
        assertSame(Codecs.PCMA, Codecs.byPayloadType(8).orElseThrow());
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
