package dev.parley.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ITU-T G.722 at 64 kbit/s as the G.191 reference implements it: every G.722 row of INDEX.tsv,
 * byte for byte, each file one continuous stream from the reset state.
 */
class G722ConformanceTest {

    static Stream<Vectors.Row> g722Rows() {
        return Vectors.rows("g722").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("g722Rows")
    void everyIndexRow_matchesTheReferenceByteForByte(Vectors.Row row) {
        assertNull(Vectors.firstDifference(Vectors.bytes(row.expected()), run(row, 320)), row.toString());
    }

    static byte[] run(Vectors.Row row, int frameSamples) {
        if (row.op().equals("enc")) {
            short[] pcm = Vectors.pcm(row.input());
            assertEquals(row.samples(), pcm.length, "input length");
            byte[] out = new byte[pcm.length / 2];
            G722Encoder encoder = new G722Encoder();
            for (int i = 0; i < pcm.length; i += frameSamples) {
                int n = Math.min(frameSamples, pcm.length - i);
                encoder.encode(pcm, i, n, out, i / 2);
            }
            return out;
        }
        byte[] codes = Vectors.bytes(row.input());
        assertEquals(row.samples(), codes.length * 2, "input length");
        short[] pcm = new short[codes.length * 2];
        G722Decoder decoder = new G722Decoder(1);
        int frameOctets = frameSamples / 2;
        for (int i = 0; i < codes.length; i += frameOctets) {
            decoder.decode(codes, i, Math.min(frameOctets, codes.length - i), pcm, 2 * i);
        }
        return Vectors.littleEndian(pcm);
    }
}
