package dev.parley.ua.internal.net;

import dev.parley.rtp.AudioSink;
import dev.parley.rtp.AudioSource;
import dev.parley.rtp.EngineConfig;
import dev.parley.rtp.MediaConfig;
import dev.parley.rtp.MediaEngine;
import dev.parley.rtp.MediaStream;
import dev.parley.rtp.SessionListener;
import dev.parley.rtp.SessionOptions;
import dev.parley.rtp.SessionStatistics;
import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.EventLoop;
import dev.parley.sip.transport.StreamHandler;
import dev.parley.sip.transport.StreamLimits;
import dev.parley.sip.transport.TcpTransport;
import dev.parley.sip.transport.UdpTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A phone on real sockets: SIP over UDP (and TCP/TLS for the lines that use them) on a {@code sip-transaction} {@link EventLoop} (thread
 * {@code parley-sip-N}: every transaction, dialog and timer), media on module {@code rtp}'s
 * {@link MediaEngine} (one {@code parley-media-*} thread), and listener events on one
 * {@code parley-events-N} thread with a bounded queue.
 */
public final class UdpRuntime implements PhoneRuntime {

    private static final AtomicInteger PHONES = new AtomicInteger();
    /** Bound on queued listener events; beyond it events are dropped and counted. */
    static final int MAX_QUEUED_EVENTS = 10_000;

    private final EventLoop loop;
    private final ThreadPoolExecutor events;
    private final InetAddress bindAddress;
    private final int minPort;
    private final int maxPort;
    private MediaEngine engine;

    public UdpRuntime(InetAddress bindAddress, int minPort, int maxPort) {
        int n = PHONES.incrementAndGet();
        this.bindAddress = bindAddress;
        this.minPort = minPort;
        this.maxPort = maxPort;
        this.loop = new EventLoop("parley-sip-" + n, 5, 100_000, 10_000);
        this.events = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_QUEUED_EVENTS),
                r -> {
                    Thread t = new Thread(r, "parley-events-" + n);
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public Scheduler scheduler() {
        return loop;
    }

    @Override
    public void execute(Runnable task) {
        if (loop.inLoop()) {
            task.run();
        } else if (!loop.execute(task)) {
            throw new RejectedExecutionException("the phone is closed or its SIP queue is full");
        }
    }

    @Override
    public Executor events() {
        return events;
    }

    @Override
    public DatagramPort bindSip(Endpoint local, DatagramPort.Handler handler) {
        UdpTransport udp = UdpTransport.open(loop, local.address(), 1 << 20,
                (data, from) -> handler.onDatagram(data, data.length, from));
        return new DatagramPort() {
            @Override
            public Endpoint local() {
                return udp.local();
            }

            @Override
            public boolean send(byte[] data, int length, Endpoint to) {
                return udp.send(length == data.length ? data : java.util.Arrays.copyOf(data, length), to);
            }

            @Override
            public void close() {
                udp.close();
            }
        };
    }

    @Override
    public TcpTransport bindStream(InetSocketAddress local, SSLContext tls, StreamHandler handler,
                                   Consumer<Endpoint> connectFailed) {
        return tls == null
                ? TcpTransport.open(loop, local, StreamLimits.DEFAULT, handler, connectFailed)
                : TcpTransport.openTls(loop, local, StreamLimits.DEFAULT, tls, handler, connectFailed);
    }

    @Override
    public MediaLeg openMedia(String cname, AudioSource source, AudioSink sink, SessionListener listener) {
        try {
            if (engine == null) {
                engine = MediaEngine.start(EngineConfig.defaults(bindAddress).withPorts(minPort, maxPort).withThreads(1));
            }
            MediaStream stream = engine.open(SessionOptions.defaults(cname), source, sink, listener);
            return new MediaLeg() {
                @Override
                public int localRtpPort() {
                    return stream.localRtpPort();
                }

                @Override
                public void configure(MediaConfig config) {
                    stream.configure(config);
                }

                @Override
                public SessionStatistics statistics() {
                    return stream.statistics();
                }

                @Override
                public void sendTelephoneEvent(int event, int durationMillis) {
                    stream.sendTelephoneEvent(event, durationMillis);
                }

                @Override
                public void close() {
                    stream.close();
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException("no RTP port free in " + minPort + "-" + maxPort, e);
        }
    }

    /** Stops media, the SIP loop and (after the events already queued) the event thread. */
    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        events.shutdown();
        loop.close();
    }

    /**
     * After {@link #close}, from a thread of the application: waits (bounded) for the SIP thread to
     * end (which releases its sockets) and for the event thread to deliver what was queued.
     */
    public void awaitTermination(long millis) {
        if (!loop.inLoop()) {
            loop.close(); // idempotent; from outside the loop it joins the loop thread
        }
        try {
            events.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
