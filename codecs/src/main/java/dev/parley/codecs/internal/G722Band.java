package dev.parley.codecs.internal;

/**
 * The state of one G.722 sub-band ADPCM coder (ITU-T G.722 §3.6 / §4.2 blocks 3 and 4): the
 * quantiser scale factor and the adaptive predictor with two poles and six zeros. Encoder and
 * decoder hold one per band and drive it identically, which is what keeps them in step.
 *
 * <p>Arithmetic follows the 16-bit fixed point of the G.191 reference: every sum saturates to
 * 16 bits ({@link #add}), every product is {@code (a·b) >> 15} ({@link #mult}).
 */
final class G722Band {

    private final boolean lower;
    int det;       // quantiser scale factor (DETL / DETH)
    int nb;        // logarithmic scale factor (NBL / NBH)
    int s;         // predicted signal (SL / SH)
    private int sz;    // zero-section prediction (SZL / SZH)
    // Quantised difference signal d1…d6 and zero predictor coefficients b1…b6, as fields so that
    // the per-sample update runs without array bounds checks.
    private int d1, d2, d3, d4, d5, d6;
    private int b1, b2, b3, b4, b5, b6;
    private int a1;    // pole predictor coefficients
    private int a2;
    private int r1;    // reconstructed signal, last two
    private int r2;
    private int p1;    // partially reconstructed signal, last two
    private int p2;

    G722Band(boolean lower) {
        this.lower = lower;
        reset();
    }

    void reset() {
        // G.722 §3.6 / Table 16: DETL = 32, DETH = 8, everything else zero.
        det = lower ? 32 : 8;
        nb = 0;
        s = 0;
        sz = 0;
        d1 = d2 = d3 = d4 = d5 = d6 = 0;
        b1 = b2 = b3 = b4 = b5 = b6 = 0;
        a1 = 0;
        a2 = 0;
        r1 = 0;
        r2 = 0;
        p1 = 0;
        p2 = 0;
    }

    /** LOGSCL / LOGSCH then SCALEL / SCALEH: adapts the scale factor to the code just sent. */
    void adaptScale(int wlOrWh) {
        // LOGSCL/LOGSCH: NB = NB · 127/128 + W, kept within [0, 18432] (lower) or [0, 22528] (higher).
        int next = ((nb * 127) >> 7) + wlOrWh;   // nb ≥ 0 and small: no saturation can occur
        int max = lower ? 18432 : 22528;
        nb = next < 0 ? 0 : Math.min(next, max);
        // SCALEL/SCALEH: DET = 2^(NB/2048) by table ILB, then scaled to the band (2 more bits for the high band).
        int mantissa = G722Tables.ILB[(nb >> 6) & 31];
        int shift = (lower ? 8 : 10) - (nb >> 11);
        int wd = shift < 0 ? mantissa << -shift : mantissa >> shift;
        det = wd << 2;
    }

    /**
     * Blocks 4L/4H: RECONS, PARREC, UPPOL2, UPPOL1, UPZERO, DELAYA, FILTEP, FILTEZ, PREDIC, for
     * the quantised difference {@code dt} of this sample. Leaves the next prediction in {@link #s}.
     */
    void update(int dt) {
        int p0 = add(dt, sz);      // PARREC: partially reconstructed signal
        int r0 = add(s, dt);       // RECONS: reconstructed signal

        // UPPOL2: the second pole coefficient, kept within ±12288.
        int sg0 = p0 >> 15;
        int sg1 = p1 >> 15;
        int sg2 = p2 >> 15;
        int wd1 = shl2(a1);
        int wd2 = sg0 == sg1 ? negate(wd1) : wd1;
        wd2 >>= 7;
        int wd3 = sg0 == sg2 ? 128 : -128;
        int newA2 = add(add(wd2, wd3), leak(a2, 32512));
        if (newA2 > 12288) {
            newA2 = 12288;
        } else if (newA2 < -12288) {
            newA2 = -12288;
        }

        // UPPOL1: the first pole coefficient, kept within ±(15360 − a2).
        int newA1 = add(leak(a1, 32640), sg0 == sg1 ? 192 : -192);
        int limit = add(15360, negate(newA2));
        if (newA1 > limit) {
            newA1 = limit;
        } else if (newA1 < -limit) {
            newA1 = -limit;
        }

        // UPZERO: sign-sign update of the six zero coefficients, leaking by 1/256.
        int step = dt == 0 ? 0 : 128;
        int sgd = dt >> 15;
        b1 = add((d1 >> 15) == sgd ? step : -step, leak(b1, 32640));
        b2 = add((d2 >> 15) == sgd ? step : -step, leak(b2, 32640));
        b3 = add((d3 >> 15) == sgd ? step : -step, leak(b3, 32640));
        b4 = add((d4 >> 15) == sgd ? step : -step, leak(b4, 32640));
        b5 = add((d5 >> 15) == sgd ? step : -step, leak(b5, 32640));
        b6 = add((d6 >> 15) == sgd ? step : -step, leak(b6, 32640));

        // DELAYA: shift the histories.
        d6 = d5;
        d5 = d4;
        d4 = d3;
        d3 = d2;
        d2 = d1;
        d1 = dt;
        r2 = r1;
        r1 = r0;
        p2 = p1;
        p1 = p0;
        a2 = newA2;
        a1 = newA1;

        // FILTEP: pole section.
        int sp = add(mult(a1, add(r1, r1)), mult(a2, add(r2, r2)));
        // FILTEZ: zero section, saturating after each term from b6·d6 down to b1·d1 (as G.191 does).
        int z = mult(add(d6, d6), b6);
        z = add(z, mult(add(d5, d5), b5));
        z = add(z, mult(add(d4, d4), b4));
        z = add(z, mult(add(d3, d3), b3));
        z = add(z, mult(add(d2, d2), b2));
        z = add(z, mult(add(d1, d1), b1));
        sz = z;
        // PREDIC
        s = add(sp, sz);
    }

    static int add(int x, int y) {
        return sat16(x + y);
    }

    static int mult(int x, int y) {
        return sat16((x * y) >> 15);
    }

    /** {@code (x·factor) >> 15} for a factor below 32768: smaller in magnitude than x, so never saturates. */
    private static int leak(int x, int factor) {
        return (x * factor) >> 15;
    }

    private static int negate(int x) {
        return x == Short.MIN_VALUE ? Short.MAX_VALUE : -x;
    }

    private static int shl2(int x) {
        return sat16(x << 2);
    }

    static int sat16(int x) {
        // Overflow is rare, so a well-predicted branch keeps it off the critical path (a min/max
        // pair would add two dependent operations to every step of the predictor's serial chain).
        return (short) x == x ? x : (x >> 31) ^ 0x7FFF;
    }
}
