package dev.parley.rtp;

import dev.parley.rtp.internal.PortAllocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The NIO media engine: a fixed number of selector threads (default one per core) serve every
 * stream. Each stream gets an even RTP port and the odd RTCP port after it from the configured
 * range, and is ticked once per ptime from its thread's schedule: no thread, timer or sleep per
 * stream. {@link #close} closes every stream (ports freed) and stops the threads.
 */
public final class MediaEngine implements AutoCloseable {

    private final EngineConfig config;
    private final PortAllocator ports;
    private final SelectorLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean closed;

    private MediaEngine(EngineConfig config) throws IOException {
        this.config = config;
        this.ports = new PortAllocator(config.bindAddress(), config.minPort(), config.maxPort());
        this.loops = new SelectorLoop[config.selectorThreads()];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new SelectorLoop(config.clock(), "parley-media-" + i);
        }
        for (SelectorLoop loop : loops) {
            loop.start();
        }
    }

    /** Starts the engine's threads. */
    public static MediaEngine start(EngineConfig config) throws IOException {
        return new MediaEngine(config);
    }

    /**
     * Opens a stream on a fresh port pair; it is silent until {@link MediaStream#configure}.
     *
     * @throws IOException if no port pair is free
     */
    public MediaStream open(SessionOptions options, AudioSource source, AudioSink sink, SessionListener listener)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
        PortAllocator.Pair pair = ports.allocate();
        if (config.socketBufferBytes() > 0) {
            for (var ch : new java.nio.channels.DatagramChannel[] {pair.rtp(), pair.rtcp()}) {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, config.socketBufferBytes());
                ch.setOption(StandardSocketOptions.SO_SNDBUF, config.socketBufferBytes());
            }
        }
        SelectorLoop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        SplittableRandom random;
        synchronized (config.random()) {
            random = new SplittableRandom(config.random().nextLong());
        }
        MediaStream stream = new MediaStream(loop, ports, pair, config.clock(), random, options, source, sink,
                listener);
        CompletableFuture<Void> registered = new CompletableFuture<>();
        loop.post(() -> {
            try {
                stream.register();
                registered.complete(null);
            } catch (IOException e) {
                registered.completeExceptionally(e);
            }
        });
        try {
            registered.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.closeOnLoop();
            throw new IOException("interrupted while opening a stream", e);
        } catch (ExecutionException | TimeoutException e) {
            stream.close();
            throw new IOException("could not register the stream", e);
        }
        return stream;
    }

    /** Totals over every open stream (one task per selector thread; waits for each). */
    public EngineStatistics statistics() {
        EngineStatistics total = new EngineStatistics(0, 0, 0, 0, 0, 0, 0);
        for (SelectorLoop loop : loops) {
            CompletableFuture<EngineStatistics> part = new CompletableFuture<>();
            loop.post(() -> part.complete(loop.statisticsOnLoop()));
            try {
                total = total.plus(part.get(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("engine statistics failed", e);
            }
        }
        return total;
    }

    /** Port pairs in use. */
    public int portsInUse() {
        return ports.inUse();
    }

    /** Closes every stream (sending BYE) and stops the selector threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SelectorLoop loop : loops) {
            try {
                loop.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("interrupted while stopping", e));
            }
        }
    }
}
