package dev.parley.ua.internal.media;

import dev.parley.codecs.Resampler;
import java.util.Arrays;

/**
 * Converts a stream of 20 ms frames between the narrowband (8 kHz) and wideband (16 kHz) rates of
 * the phone's codecs, with module {@code codecs}' half-band {@link Resampler}s, keeping their
 * filter history from frame to frame. When the input rate changes (a re-INVITE switched codec) the
 * history is cleared. Not thread-safe; never allocates.
 */
final class FrameRateConverter {

    private final Resampler up = Resampler.upsampling8kTo16k();
    private final Resampler down = Resampler.downsampling16kTo8k();
    private int lastInRate;

    /** Whether frames can be converted between {@code inRate} and {@code outRate}. */
    static boolean supports(int inRate, int outRate) {
        return inRate == outRate && inRate >= 1000 && inRate % 50 == 0
                || inRate == 8000 && outRate == 16000
                || inRate == 16000 && outRate == 8000;
    }

    /**
     * Writes the 20 ms frame {@code in} (at {@code inRate}) into {@code out} at {@code outRate}.
     *
     * @return false if the rates are not {@link #supports supported}: {@code out} is then silence
     */
    boolean convert(short[] in, int inRate, short[] out, int outRate) {
        if (!supports(inRate, outRate)) {
            // Lenient: a codec rate other than 8/16 kHz (none is offered today) is mixed as silence.
            if (outRate >= 1000 && outRate % 50 == 0) {
                Arrays.fill(out, 0, Math.min(out.length, outRate / 50), (short) 0);
            }
            return false;
        }
        if (inRate != lastInRate) {
            up.reset();
            down.reset();
            lastInRate = inRate;
        }
        int n = inRate / 50;
        if (inRate == outRate) {
            System.arraycopy(in, 0, out, 0, n);
        } else if (inRate < outRate) {
            up.process(in, 0, n, out, 0);
        } else {
            down.process(in, 0, n, out, 0);
        }
        return true;
    }
}
