package dev.parley.rtp;

import java.net.InetAddress;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Immutable configuration of a {@link MediaEngine}.
 *
 * @param selectorThreads threads serving every stream (default: one per core)
 * @param bindAddress local address of every media socket
 * @param minPort lowest port of the RTP range (rounded up to even)
 * @param maxPort highest port of the range
 * @param clock time source of pacing, jitter buffers and RTCP
 * @param random seeds each session's random source (SSRC, sequence, timestamp, RTCP intervals)
 * @param socketBufferBytes SO_RCVBUF/SO_SNDBUF requested for each socket, or 0 for the default
 */
public record EngineConfig(int selectorThreads, InetAddress bindAddress, int minPort, int maxPort, MediaClock clock,
        RandomGenerator random, int socketBufferBytes) {

    public EngineConfig {
        if (selectorThreads < 1 || minPort > maxPort || socketBufferBytes < 0) {
            throw new IllegalArgumentException("bad engine config");
        }
    }

    /** One thread per core, ports 20000–39999 on {@code bindAddress}, the system clock. */
    public static EngineConfig defaults(InetAddress bindAddress) {
        return new EngineConfig(Runtime.getRuntime().availableProcessors(), bindAddress, 20_000, 39_999,
                MediaClock.system(), new SplittableRandom(), 0);
    }

    public EngineConfig withThreads(int threads) {
        return new EngineConfig(threads, bindAddress, minPort, maxPort, clock, random, socketBufferBytes);
    }

    public EngineConfig withPorts(int min, int max) {
        return new EngineConfig(selectorThreads, bindAddress, min, max, clock, random, socketBufferBytes);
    }

    public EngineConfig withSocketBuffers(int bytes) {
        return new EngineConfig(selectorThreads, bindAddress, minPort, maxPort, clock, random, bytes);
    }
}
