package dev.parley.codecs.internal;

import static dev.parley.codecs.internal.G722Band.sat16;

import dev.parley.codecs.AudioDecoder;
import java.util.Objects;

/**
 * ITU-T G.722 decoder: lower- and higher-band ADPCM decoding and the receive QMF, in mode 1
 * (64 kbit/s, 6-bit lower band), 2 (56 kbit/s, 5 bits) or 3 (48 kbit/s, 4 bits). Each octet yields
 * two 16 kHz samples. The adaptation always uses the 4 most significant lower-band bits (the
 * embedded core), so the mode only changes the lower band's reconstruction.
 *
 * <p>Lost frames are concealed by {@link PitchConcealer} on the 16 kHz output. During a loss the
 * ADPCM state is left as it was at the last good octet: the scale factors and predictors then
 * re-adapt on the octets that follow, and the concealer's cross-fade back into real audio is
 * allowed 20 ms instead of G.711's 10 ms to cover most of that re-adaptation.
 * (G.722 Appendices III and IV, which also re-sync the ADPCM state, are far larger.)
 */
public final class G722Decoder implements AudioDecoder {

    private final G722Band low = new G722Band(true);
    private final G722Band high = new G722Band(false);
    private final G722Qmf qmf = new G722Qmf();
    private final int[] lowerLevels;           // INVQBL output level for each 6-bit code in this mode
    private final PitchConcealer concealer = new PitchConcealer(16000, 20);

    /** A decoder for G.722 mode 1, 2 or 3 (64, 56 or 48 kbit/s). */
    public G722Decoder(int mode) {
        if (mode < 1 || mode > 3) {
            throw new IllegalArgumentException("G.722 mode must be 1, 2 or 3: " + mode);
        }
        this.lowerLevels = G722Tables.lowerBandLevels(mode);
    }

    @Override
    public int decode(byte[] in, int inOffset, int length, short[] pcm, int pcmOffset) {
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(pcmOffset, 2 * length, pcm.length);
        int o = pcmOffset;
        for (int i = inOffset, end = inOffset + length; i < end; i++) {
            int code = in[i] & 0xFF;
            int rl = decodeLow(code & 0x3F);
            int rh = decodeHigh(code >> 6);
            o = receiveQmf(rl, rh, pcm, o);
        }
        concealer.good(pcm, pcmOffset, 2 * length);
        return 2 * length;
    }

    private int decodeLow(int il) {
        G722Band band = low;
        // INVQBL (G.722 §4.2.1): reconstruction with 6, 5 or 4 bits according to the mode.
        int dl = (band.det * lowerLevels[il]) >> 15;
        // RECONS and LIMIT: the output signal is kept within 15 bits.
        int rl = limit15(G722Band.add(band.s, dl));
        // INVQAL and the adaptation use the 4-bit core only, exactly as the encoder did.
        int ril = il >> 2;
        int dlt = (band.det * G722Tables.QM4[ril]) >> 15;
        band.adaptScale(G722Tables.WL[G722Tables.RL42[ril]]);
        band.update(dlt);
        return rl;
    }

    private int decodeHigh(int ih) {
        G722Band band = high;
        int dh = (band.det * G722Tables.QM2[ih]) >> 15;
        int rh = limit15(G722Band.add(band.s, dh));
        band.adaptScale(G722Tables.WH[G722Tables.RH2[ih]]);
        band.update(dh);
        return rh;
    }

    private int receiveQmf(int rl, int rh, short[] pcm, int o) {
        // Receive QMF (G.722 §4.4): the band sum and difference enter the 24-tap delay line.
        qmf.push(rl + rh, rl - rh);
        int first = qmf.oddSum;
        int second = qmf.evenSum;
        // G.191: each output saturates to 16 bits (it can overshoot on loud or random streams).
        pcm[o] = (short) sat16(first >> 11);
        pcm[o + 1] = (short) sat16(second >> 11);
        return o + 2;
    }

    private static int limit15(int x) {
        // Rarely taken branches: cheaper than a min/max pair on the serial path.
        if (x > 16383) {
            return 16383;
        }
        return x < -16384 ? -16384 : x;
    }

    @Override
    public int conceal(short[] pcm, int pcmOffset, int samples) {
        Objects.checkFromIndexSize(pcmOffset, samples, pcm.length);
        concealer.conceal(pcm, pcmOffset, samples);
        return samples;
    }

    @Override
    public void reset() {
        low.reset();
        high.reset();
        qmf.reset();
        concealer.reset();
    }
}
