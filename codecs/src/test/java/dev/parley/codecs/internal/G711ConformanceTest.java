package dev.parley.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ITU-T G.711 as the G.191 reference implements it: every G.711 row of INDEX.tsv, byte for byte. */
class G711ConformanceTest {

    static Stream<Vectors.Row> g711Rows() {
        return Stream.concat(Vectors.rows("ulaw").stream(), Vectors.rows("alaw").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("g711Rows")
    void everyIndexRow_matchesTheReferenceByteForByte(Vectors.Row row) {
        byte[] actual;
        boolean ulaw = row.codec().equals("ulaw");
        if (row.op().equals("enc")) {
            short[] pcm = Vectors.pcm(row.input());
            assertEquals(row.samples(), pcm.length, "input length");
            actual = new byte[pcm.length];
            if (ulaw) {
                G711.ulawEncode(pcm, 0, pcm.length, actual, 0);
            } else {
                G711.alawEncode(pcm, 0, pcm.length, actual, 0);
            }
        } else {
            byte[] codes = Vectors.bytes(row.input());
            assertEquals(row.samples(), codes.length, "input length");
            short[] pcm = new short[codes.length];
            if (ulaw) {
                G711.ulawDecode(codes, 0, codes.length, pcm, 0);
            } else {
                G711.alawDecode(codes, 0, codes.length, pcm, 0);
            }
            actual = Vectors.littleEndian(pcm);
        }
        assertNull(Vectors.firstDifference(Vectors.bytes(row.expected()), actual), row.toString());
    }

    @Test
    void indexCoversEncodeAndDecodeOfBothLaws() {
        List<Vectors.Row> rows = g711Rows().toList();
        for (String codec : List.of("ulaw", "alaw")) {
            for (String op : List.of("enc", "dec")) {
                assertEquals(true, rows.stream().anyMatch(r -> r.codec().equals(codec) && r.op().equals(op)),
                        codec + " " + op);
            }
        }
    }

    @Test
    void ulawNegativeBoundary_usesOnesComplementMagnitude() {
        // x = -4 sits on a decision boundary: |x| would give code 0x7E, the one's complement rule 0x7F.
        assertEquals((byte) 0x7F, G711.linearToUlaw((short) -4));
        assertEquals((byte) 0x7E, G711.linearToUlaw((short) -5));
        assertEquals((byte) 0xFF, G711.linearToUlaw((short) 0));
        assertEquals((byte) 0x7F, G711.linearToUlaw((short) -1));
    }

    @Test
    void decodeThenEncode_returnsEveryCode() {
        for (int code = 0; code < 256; code++) {
            byte c = (byte) code;
            assertEquals(c, G711.linearToAlaw(G711.alawToLinear(c)), "A-law code " + code);
            // µ-law has two codes for zero (0x7F and 0xFF); both decode to 0, which encodes as 0xFF.
            byte expected = code == 0x7F ? (byte) 0xFF : c;
            assertEquals(expected, G711.linearToUlaw(G711.ulawToLinear(c)), "µ-law code " + code);
        }
    }
}
