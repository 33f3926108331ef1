package dev.parley.bench.rtp;

import dev.parley.rtp.AudioSink;
import dev.parley.rtp.AudioSource;

/** The audio of the load run: callers send a tone; each echo stream sends back what it played. */
final class EchoPair {

    /** Cleared to stop every stream's sending before the final count. */
    static volatile boolean sending = true;

    private EchoPair() {
    }

    private static short[] toneWave() {
        short[] wave = new short[160];
        for (int i = 0; i < wave.length; i++) {
            wave[i] = (short) (8000 * Math.sin(2 * Math.PI * 400 * i / 8000.0));
        }
        return wave;
    }

    /** The tone's 20 ms as one PCMU frame (160 bytes), for the light generator. */
    static byte[] toneFrame() {
        byte[] frame = new byte[160];
        dev.parley.codecs.Codecs.PCMU.newEncoder().encode(toneWave(), 0, 160, frame, 0);
        return frame;
    }

    static AudioSource tone() {
        short[] wave = toneWave();
        return (pcm, n) -> {
            System.arraycopy(wave, 0, pcm, 0, n);
            return sending;
        };
    }

    /** A sink and a source sharing one frame: whatever is played is sent back at the next tick. */
    static final class Echo implements AudioSink, AudioSource {
        private final short[] last = new short[160];

        @Override
        public void write(short[] pcm, int samples) {
            System.arraycopy(pcm, 0, last, 0, samples);
        }

        @Override
        public boolean read(short[] pcm, int samples) {
            System.arraycopy(last, 0, pcm, 0, samples);
            return sending;
        }
    }
}
