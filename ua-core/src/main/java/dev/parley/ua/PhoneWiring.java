package dev.parley.ua;

import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transport.InMemoryNetwork;
import dev.parley.ua.internal.net.InMemoryRuntime;
import dev.parley.ua.internal.net.PhoneRuntime;
import dev.parley.ua.internal.net.UdpRuntime;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;

/**
 * What a {@link SoftPhone.Builder} wires below the phone when the application did not choose:
 * the runtime (real sockets and threads, or in-memory networks driven by a scheduler) and the
 * TLS context of TLS lines (RFC 3261 §26.2).
 */
final class PhoneWiring {

    private PhoneWiring() {
    }

    /** In-memory networks when {@code sip} is given, else sockets bound to {@code host}. */
    static PhoneRuntime runtime(InMemoryNetwork<byte[]> sip, InMemoryNetwork<byte[]> media, Scheduler scheduler,
                                String host, int rtpMin, int rtpMax, RandomGenerator random) {
        if (sip != null) {
            return new InMemoryRuntime(scheduler, sip, media, host, rtpMin, rtpMax, random);
        }
        try {
            return new UdpRuntime(InetAddress.getByName(host), rtpMin, rtpMax);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }

    /** The JDK's default TLS context, or null on a JDK without TLS (TLS lines then fail when added). */
    static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }
}
