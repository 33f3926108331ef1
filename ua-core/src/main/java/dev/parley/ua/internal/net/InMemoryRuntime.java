package dev.parley.ua.internal.net;

import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.InMemoryNetwork;
import dev.parley.sip.transport.TransportKind;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A phone on an in-memory network, driven by the caller's scheduler (a {@code VirtualTime} in
 * tests): no threads; {@link #execute} and events run at once on the calling thread, which must be
 * the one that drives the scheduler. SIP and media may use different networks, so that SIP can be
 * impaired alone.
 */
public final class InMemoryRuntime implements PhoneRuntime {

    private final Scheduler scheduler;
    private final InMemoryNetwork<byte[]> sip;
    private final InMemoryNetwork<byte[]> media;
    /** Media ports this runtime handed out (a shared network cannot tell us which are taken). */
    private final Set<Endpoint> mediaInUse = new HashSet<>();

    private final String mediaAddress;
    private final int minPort;
    private final int maxPort;
    private final java.util.random.RandomGenerator random;

    public InMemoryRuntime(Scheduler scheduler, InMemoryNetwork<byte[]> sip, InMemoryNetwork<byte[]> media,
                           String mediaAddress, int minPort, int maxPort, java.util.random.RandomGenerator random) {
        this.scheduler = scheduler;
        this.sip = sip;
        this.media = media;
        this.mediaAddress = mediaAddress;
        this.minPort = minPort;
        this.maxPort = maxPort;
        this.random = random;
    }

    @Override
    public MediaLeg openMedia(String cname, dev.parley.rtp.AudioSource source, dev.parley.rtp.AudioSink sink,
                              dev.parley.rtp.SessionListener listener) {
        return new VirtualMediaLeg(scheduler, handler -> bindMedia(handler), cname, random, source, sink, listener);
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public Executor events() {
        return Runnable::run;
    }

    @Override
    public DatagramPort bindSip(Endpoint local, DatagramPort.Handler handler) {
        return port(sip, local, handler, null);
    }

    @Override
    public dev.parley.sip.transport.TcpTransport bindStream(java.net.InetSocketAddress local, javax.net.ssl.SSLContext tls,
                                                            dev.parley.sip.transport.StreamHandler handler,
                                                            java.util.function.Consumer<Endpoint> connectFailed) {
        throw new UnsupportedOperationException("TCP and TLS lines need real sockets; the in-memory network carries datagrams");
    }

    private DatagramPort bindMedia(DatagramPort.Handler handler) {
        for (int p = minPort + (minPort & 1); p <= maxPort; p += 2) {
            Endpoint local = Endpoint.of(TransportKind.UDP, mediaAddress, p);
            if (mediaInUse.contains(local)) {
                continue;
            }
            try {
                DatagramPort port = port(media, local, handler, mediaInUse);
                mediaInUse.add(local);
                return port;
            } catch (IllegalStateException taken) {
                // Bound by another phone on the same network: try the next port.
            }
        }
        throw new IllegalStateException("no free RTP port in " + minPort + "-" + maxPort);
    }

    private static DatagramPort port(InMemoryNetwork<byte[]> net, Endpoint local, DatagramPort.Handler handler,
                                     Set<Endpoint> registry) {
        InMemoryNetwork<byte[]>.Port p = net.bind(local, (payload, from) -> handler.onDatagram(payload, payload.length, from));
        return new DatagramPort() {
            @Override
            public Endpoint local() {
                return local;
            }

            @Override
            public boolean send(byte[] data, int length, Endpoint to) {
                byte[] copy = java.util.Arrays.copyOf(data, length);
                return p.send(copy, to);
            }

            @Override
            public void close() {
                p.close();
                if (registry != null) {
                    registry.remove(local);
                }
            }
        };
    }

    @Override
    public void close() {
        // Nothing to stop: the caller's scheduler drives everything.
    }
}
