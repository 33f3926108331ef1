package dev.parley.codecs.internal;

import static dev.parley.codecs.internal.G722Band.sat16;

import dev.parley.codecs.AudioEncoder;
import java.util.Objects;

/**
 * ITU-T G.722 encoder at 64 kbit/s: transmit QMF, 6-bit lower-band and 2-bit higher-band ADPCM.
 * Each pair of 16 kHz samples becomes one octet, bits 7–6 the higher-band code I_H and bits 5–0 the
 * lower-band code I_L (RFC 3551 §4.5.2). The state carries across calls, so a stream cut into
 * frames of any even size encodes to the same octets as the whole stream at once.
 */
public final class G722Encoder implements AudioEncoder {

    private final G722Band low = new G722Band(true);
    private final G722Band high = new G722Band(false);
    private final G722Qmf qmf = new G722Qmf();

    @Override
    public int encode(short[] pcm, int pcmOffset, int samples, byte[] out, int outOffset) {
        if ((samples & 1) != 0) {
            throw new IllegalArgumentException("G.722 encodes pairs of samples: odd count " + samples);
        }
        Objects.checkFromIndexSize(pcmOffset, samples, pcm.length);
        Objects.checkFromIndexSize(outOffset, samples / 2, out.length);
        int o = outOffset;
        for (int i = pcmOffset, end = pcmOffset + samples; i < end; i += 2) {
            out[o++] = (byte) encodePair(pcm[i], pcm[i + 1]);
        }
        return samples / 2;
    }

    private int encodePair(int first, int second) {
        // Transmit QMF (G.722 §3.1): the taps holding the first sample of each pair sum to A, those
        // holding the second to B; x_L = A + B, x_H = B − A, both scaled back by 2^14.
        qmf.push(first, second);
        int sumEven = qmf.evenSum;
        int sumOdd = qmf.oddSum;
        // G.191: the sub-band signals are limited to 15 bits before the ADPCM coders see them.
        int xl = limit15((sumEven + sumOdd) >> 14);
        int xh = limit15((sumOdd - sumEven) >> 14);
        return (encodeHigh(xh) << 6) | encodeLow(xl);
    }

    private int encodeLow(int xl) {
        G722Band band = low;
        // SUBTRA and QUANTL (G.722 §3.3): find the interval of |EL| among 30 levels scaled by DETL.
        int el = sat16(xl - band.s);
        int magnitude = el >= 0 ? el : -(el + 1);
        int interval = 1;
        while (interval < 30 && magnitude >= ((G722Tables.Q6[interval] << 3) * band.det) >> 15) {
            interval++;
        }
        int il = el < 0 ? G722Tables.ILN[interval] : G722Tables.ILP[interval];
        // INVQAL: the 4-bit quantised difference feeds the predictor (embedded coding, §3.5).
        int ril = il >> 2;
        int dlt = (band.det * G722Tables.QM4[ril]) >> 15;
        band.adaptScale(G722Tables.WL[G722Tables.RL42[ril]]);
        band.update(dlt);
        return il;
    }

    private int encodeHigh(int xh) {
        G722Band band = high;
        // SUBTRA and QUANTH (G.722 §3.4): one decision level, 564 · DETH in Q12.
        int eh = sat16(xh - band.s);
        int magnitude = eh >= 0 ? eh : -(eh + 1);
        int mih = magnitude >= ((564 << 3) * band.det) >> 15 ? 2 : 1;
        int ih = eh < 0 ? G722Tables.IHN[mih] : G722Tables.IHP[mih];
        int dh = (band.det * G722Tables.QM2[ih]) >> 15;
        band.adaptScale(G722Tables.WH[G722Tables.RH2[ih]]);
        band.update(dh);
        return ih;
    }

    private static int limit15(int x) {
        // Rarely taken branches: cheaper than a min/max pair on the serial path.
        if (x > 16383) {
            return 16383;
        }
        return x < -16384 ? -16384 : x;
    }

    @Override
    public void reset() {
        low.reset();
        high.reset();
        qmf.reset();
    }

}
