package dev.parley.codecs.internal;

/**
 * The G.711 companding rules (ITU-T G.711 Tables 1 and 2), written out as the ITU-T G.191
 * reference computes them and then tabulated: encoding is one table look-up per sample over all
 * 65,536 inputs, decoding one look-up over all 256 codes.
 *
 * <p>Both laws work on the 16-bit sample as it is, truncating (never rounding) to the 14 (µ-law)
 * or 13 (A-law) bits G.711 quantises, with a negative sample's magnitude taken as its one's
 * complement so that the decision thresholds fall exactly where the recommendation puts them.
 */
public final class G711 {

    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];

    static {
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            LINEAR_TO_ULAW[x & 0xFFFF] = (byte) ulawCompress(x);
            LINEAR_TO_ALAW[x & 0xFFFF] = (byte) alawCompress(x);
        }
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = (short) ulawExpand(code);
            ALAW_TO_LINEAR[code] = (short) alawExpand(code);
        }
    }

    private G711() {
    }

    /** The µ-law code of one 16-bit sample. */
    public static byte linearToUlaw(short sample) {
        return LINEAR_TO_ULAW[sample & 0xFFFF];
    }

    /** The A-law code (even bits inverted, as on the wire) of one 16-bit sample. */
    public static byte linearToAlaw(short sample) {
        return LINEAR_TO_ALAW[sample & 0xFFFF];
    }

    /** The 16-bit sample a µ-law code stands for. */
    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    /** The 16-bit sample an A-law code (as on the wire) stands for. */
    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    static void ulawEncode(short[] pcm, int off, int n, byte[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = LINEAR_TO_ULAW[pcm[off + i] & 0xFFFF];
        }
    }

    static void alawEncode(short[] pcm, int off, int n, byte[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = LINEAR_TO_ALAW[pcm[off + i] & 0xFFFF];
        }
    }

    static void ulawDecode(byte[] in, int off, int n, short[] pcm, int pcmOff) {
        for (int i = 0; i < n; i++) {
            pcm[pcmOff + i] = ULAW_TO_LINEAR[in[off + i] & 0xFF];
        }
    }

    static void alawDecode(byte[] in, int off, int n, short[] pcm, int pcmOff) {
        for (int i = 0; i < n; i++) {
            pcm[pcmOff + i] = ALAW_TO_LINEAR[in[off + i] & 0xFF];
        }
    }

    // ITU-T G.711 Table 2 (µ-law): 14-bit magnitude, bias 33, eight segments, code bits inverted.
    static int ulawCompress(int x) {
        // G.191 STL: a negative sample's magnitude is its one's complement, truncated to 14 bits.
        int magnitude = (x < 0 ? ~x : x) >> 2;
        int biased = Math.min(magnitude + 33, 0x1FFF);
        int segment = 1;
        for (int i = biased >> 6; i != 0; i >>= 1) {
            segment++;
        }
        int highNibble = 8 - segment;
        int lowNibble = 0x0F - ((biased >> segment) & 0x0F);
        int code = (highNibble << 4) | lowNibble;
        return x >= 0 ? code | 0x80 : code;
    }

    static int ulawExpand(int code) {
        int inverted = ~code;
        int exponent = (inverted >> 4) & 0x07;
        int mantissa = inverted & 0x0F;
        int step = 4 << (exponent + 1);
        int magnitude = (0x80 << exponent) + step * mantissa + step / 2 - 4 * 33;
        return code < 0x80 ? -magnitude : magnitude;
    }

    // ITU-T G.711 Table 1 (A-law): 13-bit magnitude, eight segments, even bits inverted (XOR 0x55).
    static int alawCompress(int x) {
        // G.191 STL: the same one's-complement magnitude, truncated to 13 bits.
        int magnitude = (x < 0 ? ~x : x) >> 4;
        if (magnitude > 15) {
            int exponent = 1;
            while (magnitude > 16 + 15) {
                magnitude >>= 1;
                exponent++;
            }
            magnitude = magnitude - 16 + (exponent << 4);
        }
        int code = x >= 0 ? magnitude | 0x80 : magnitude;
        return code ^ 0x55;
    }

    static int alawExpand(int code) {
        int plain = (code ^ 0x55) & 0x7F;
        int exponent = plain >> 4;
        int mantissa = plain & 0x0F;
        if (exponent > 0) {
            mantissa += 16;
        }
        mantissa = (mantissa << 4) + 8;
        if (exponent > 1) {
            mantissa <<= exponent - 1;
        }
        return (code & 0x80) != 0 ? mantissa : -mantissa;
    }
}
