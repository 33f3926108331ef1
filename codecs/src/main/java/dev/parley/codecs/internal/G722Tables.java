package dev.parley.codecs.internal;

/** The constant tables of ITU-T G.722 (64, 56 and 48 kbit/s), as the recommendation lists them. */
final class G722Tables {

    private G722Tables() {
    }

    /** QMF coefficients h0…h11 scaled by 8192 (G.722 Table 11); h23−i = hi. */
    static final int[] QMF = {3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876};

    /** QUANTL decision levels (G.722 Table 6), Q12 relative to DETL; index 1…29 are the boundaries. */
    static final int[] Q6 = {
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
    };

    /** QUANTL output code for a negative / positive difference in interval 1…30 (G.722 Table 6). */
    static final int[] ILN = {
        0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4,
    };
    static final int[] ILP = {
        0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
        46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32,
    };

    /** 4-bit inverse quantiser outputs QQ4 scaled (G.722 Table 7), indexed by IL >> 2. */
    static final int[] QM4 = {
        0, -20456, -12896, -8968, -6288, -4240, -2584, -1200,
        20456, 12896, 8968, 6288, 4240, 2584, 1200, 0,
    };

    /** 5-bit inverse quantiser (56 kbit/s), indexed by IL >> 1. */
    static final int[] QM5 = {
        -280, -280, -23352, -17560, -14120, -11664, -9752, -8184,
        -6864, -5712, -4696, -3784, -2960, -2208, -1520, -880,
        23352, 17560, 14120, 11664, 9752, 8184, 6864, 5712,
        4696, 3784, 2960, 2208, 1520, 880, 280, -280,
    };

    /** 6-bit inverse quantiser (64 kbit/s), indexed by IL. */
    static final int[] QM6 = {
        -136, -136, -136, -136, -24808, -21904, -19008, -16704,
        -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
        -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576,
        -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
        24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
        10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
        4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032,
        1688, 1360, 1040, 728, 432, 136, -432, -136,
    };

    /** Lower-band log scale factor multipliers WL (G.722 Table 8), indexed via RL42. */
    static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};
    static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};

    /** Scale factor mantissas 2^(i/32) · 2048 (G.722 Table 9 / ILB). */
    static final int[] ILB = {
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    };

    /** Higher band: 2-bit inverse quantiser QM2, scale multipliers WH via RH2, QUANTH codes (Tables 4, 5). */
    static final int[] QM2 = {-7408, -1616, 7408, 1616};
    static final int[] WH = {0, -214, 798};
    static final int[] RH2 = {2, 1, 2, 1};
    static final int[] IHN = {0, 1, 0};
    static final int[] IHP = {0, 3, 2};

    /** INVQBL's output level for each 6-bit lower-band code in mode 1, 2 or 3 (6, 5 or 4 bits used). */
    static int[] lowerBandLevels(int mode) {
        int[] levels = new int[64];
        for (int il = 0; il < 64; il++) {
            levels[il] = switch (mode) {
                case 1 -> QM6[il];
                case 2 -> QM5[il >> 1];
                case 3 -> QM4[il >> 2];
                default -> throw new IllegalArgumentException("G.722 mode " + mode);
            };
        }
        return levels;
    }
}
