package dev.parley.sip.transaction;

import dev.parley.sip.message.HeaderForm;
import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.Via;
import dev.parley.sip.transport.ByteTransport;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.IpLiteral;
import dev.parley.sip.transport.NextHop;
import dev.parley.sip.transport.TransportKind;
import dev.parley.sip.transport.TransportSet;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The transaction layer bound to real SIP messages and to a byte transport: parses what arrives,
 * applies the receiving rules of RFC 3261 §18 and RFC 3581, and serializes what leaves.
 *
 * <p>Confined to the stack's event loop thread, like the {@link TransactionLayer} it owns. Bad
 * input never escapes as an exception: requests that can be answered get 400 with the parse
 * reason, everything else is dropped and counted.
 */
public final class TransactionStack implements MessageSender<SipRequest, SipResponse> {

    /** RFC 3261 §18.1.1: the largest request sent over UDP when the path MTU is unknown. */
    public static final int MAX_UDP_REQUEST = 1300;

    private final SipParser parser;
    private final SipMessageOps ops;
    private final ByteTransport transport;
    private final TransactionLayer<SipRequest, SipResponse> layer;
    private final String localHost;
    private final int localPort;
    /** Ports of our other listeners (TCP or TLS on another port) that our Vias may carry (§18.1.2). */
    private final java.util.Set<Integer> otherSentByPorts = new java.util.concurrent.CopyOnWriteArraySet<>();
    private long malformedDropped;
    private long badRequestsAnswered;
    private long foreignResponses;

    /**
     * @param local the address this stack listens on and puts in its Via sent-by (an IP literal)
     */
    public TransactionStack(Scheduler scheduler, TimerConfig timers, ParserLimits limits, ByteTransport transport,
                            TransactionUser<SipRequest, SipResponse> tu, InetSocketAddress local,
                            RandomGenerator random, int maxTransactions) {
        this.parser = new SipParser(limits);
        this.ops = new SipMessageOps(random, limits);
        this.transport = Objects.requireNonNull(transport);
        this.layer = new TransactionLayer<>(scheduler, timers, ops, this, tu, maxTransactions);
        this.localHost = local.getAddress().getHostAddress();
        this.localPort = local.getPort();
    }

    /**
     * RFC 3261 §18.1.2: responses whose top Via sent-by carries {@code port} are ours too (a TLS
     * or TCP listener on another port than the one given at construction, named in the Vias of
     * the requests sent over it). At most a few; call from any thread.
     */
    public void addSentByPort(int port) {
        if (otherSentByPorts.size() < 8) {
            otherSentByPorts.add(port);
        }
    }

    public TransactionLayer<SipRequest, SipResponse> layer() {
        return layer;
    }

    public SipMessageOps ops() {
        return ops;
    }

    /** A top Via for a new request from this stack: sent-by of this stack, a fresh branch, {@code rport} asked (RFC 3581 §3). */
    public Via newVia(TransportKind transport) {
        return Via.of(transport.viaName(), localHost, localPort, ops.newBranch()).withParam("rport", null);
    }

    /**
     * Sends a request in a new client transaction to the next hop its own headers name:
     * {@link NextHop#forRequest} (RFC 3261 §8.1.2, RFC 3263 §4 without DNS: {@code transport}
     * parameter, {@code sips:} → TLS, {@code maddr}, default port 5060/5061). The top Via's
     * transport is set to the hop's (§18.1.1).
     *
     * @throws IllegalArgumentException when the next hop is not an IP literal (this layer does not
     *                                  resolve names: resolve it and call {@link #sendRequest(SipRequest, Endpoint, ClientTransaction.Listener)}),
     *                                  or names a transport this stack does not have
     */
    public ClientTransaction sendRequest(SipRequest request, ClientTransaction.Listener<SipResponse> listener) {
        NextHop hop = NextHop.forRequest(request);
        Endpoint to = hop.endpoint().orElseThrow(() -> new IllegalArgumentException("next hop is a name, not an IP literal: " + hop));
        if (transport instanceof TransportSet set && !set.supports(to.transport())) {
            throw new IllegalArgumentException("no " + to.transport() + " transport for next hop " + hop);
        }
        return sendRequest(withViaTransport(request, to.transport()), to, listener);
    }

    /** Sends a request in a new client transaction to {@code to} (see {@link TransactionLayer#sendRequest}). */
    public ClientTransaction sendRequest(SipRequest request, Endpoint to, ClientTransaction.Listener<SipResponse> listener) {
        // RFC 3261 §18.1.1: a request larger than 1300 bytes (path MTU unknown) MUST use a
        // congestion-controlled transport such as TCP, and the top Via must then say so.
        if (to.transport() == TransportKind.UDP && transport instanceof TransportSet set && set.supports(TransportKind.TCP)
                && request.encodedLength(HeaderForm.LONG) > MAX_UDP_REQUEST) {
            return UdpRetry.start(layer, withViaTransport(request, TransportKind.TCP), new Endpoint(TransportKind.TCP, to.address()),
                    request, to, listener);
        }
        return layer.sendRequest(request, to, listener);
    }

    private static SipRequest withViaTransport(SipRequest request, TransportKind kind) {
        Via v = request.topVia();
        if (v.transport().equalsIgnoreCase(kind.viaName())) {
            return request;
        }
        Via moved = new Via(v.protocol(), kind.viaName(), v.host(), v.port(), v.params());
        return request.toBuilder().removeFirstValue("Via").via(moved).build();
    }

    /** The transport could not reach {@code peer}: see {@link TransactionLayer#transportFailed}. */
    public void transportFailed(Endpoint peer) {
        layer.transportFailed(peer);
    }

    /**
     * A datagram from the UDP transport (RFC 3261 §18.3: one message per datagram). The parsed
     * message is a view on {@code buf}, and a transaction may keep {@code buf} itself as the
     * request's wire form: the caller hands over the array and must not modify it afterwards.
     */
    public void receiveDatagram(byte[] buf, int off, int len, Endpoint from) {
        if (isKeepAlive(buf, off, len)) {
            return;
        }
        SipMessage message;
        try {
            message = parser.parse(buf, off, len).validate();
        } catch (SipParseException e) {
            rejectMalformed(e, from);
            return;
        }
        if (message instanceof SipRequest request && off == 0 && len == buf.length) {
            // The datagram is the request's exact wire form: a transaction can keep it as it is.
            ops.receivedFrom(request, buf);
        }
        receive(message, from);
    }

    /** A message framed by a stream transport's {@code SipStreamFramer}; validated here. */
    public void receiveFramed(SipMessage message, Endpoint from) {
        try {
            message.validate();
        } catch (SipParseException e) {
            rejectMalformed(e, from);
            return;
        }
        receive(message, from);
    }

    private void receive(SipMessage message, Endpoint from) {
        if (message instanceof SipRequest request) {
            receiveRequest(request, from);
        } else {
            receiveResponse((SipResponse) message);
        }
    }

    private void receiveRequest(SipRequest request, Endpoint from) {
        Via top = request.topVia();
        String sourceIp = from.address().getAddress().getHostAddress();
        SipRequest stamped = request;
        // RFC 3261 §18.2.1: add "received" when sent-by differs from the source address;
        // RFC 3581 §4: with "rport", always add "received" and fill rport with the source port.
        if (top.hasRport() || !sameHost(top.host(), sourceIp)) {
            Via v = top.withReceived(sourceIp, from.address().getPort());
            stamped = request.toBuilder().removeFirstValue("Via").via(v).build();
            top = v;
        }
        layer.receiveRequest(stamped, replyTo(top, from));
    }

    /**
     * RFC 3261 §18.2.2 and RFC 3581 §4: over a reliable transport, responses use the connection the
     * request came on; over UDP they go to "received" and the rport (or sent-by port, default 5060).
     */
    static Endpoint replyTo(Via top, Endpoint from) {
        if (from.reliable()) {
            return from;
        }
        InetSocketAddress source = from.address();
        if (top.received().isEmpty() && !top.hasRport() && top.port() == source.getPort()
                && top.host().equals(source.getAddress().getHostAddress())) {
            // Sent-by is the packet's source: the common case needs no address parsing.
            return from;
        }
        String host = top.received().orElse(top.host());
        int port = top.rport().isPresent() ? top.rport().getAsInt() : top.port() > 0 ? top.port() : 5060;
        java.net.InetAddress address = IpLiteral.parse(host);
        // Lenient: a sent-by that is a name (no resolver at this layer) is answered at the packet's source.
        return address == null ? from : new Endpoint(from.transport(), new InetSocketAddress(address, port));
    }

    private void receiveResponse(SipResponse response) {
        Via top = response.topVia();
        // RFC 3261 §18.1.2: a response whose top Via sent-by is not ours is silently discarded.
        if (!sameHost(top.host(), localHost) || top.port() != localPort && !otherSentByPorts.contains(top.port())) {
            foreignResponses++;
            return;
        }
        layer.receiveResponse(response);
    }

    private void rejectMalformed(SipParseException e, Endpoint from) {
        SipMessage salvaged = e.salvaged().orElse(null);
        if (salvaged instanceof SipRequest request && !request.isMethod(SipMethod.ACK)) {
            try {
                // RFC 3261 §8.2 / RFC 4475 §3.1.2: answer 400 with the reason when the request can be answered.
                SipResponse bad = SipResponse.createFrom(request, 400, "Bad Request - " + e.reason().description(), ops.newTag());
                Endpoint to = from;
                try {
                    to = replyTo(request.topVia(), from);
                } catch (SipParseException viaBroken) {
                    // Lenient: with a broken Via, answer the packet's source.
                }
                transport.send(bad.toBytes(), to);
                badRequestsAnswered++;
                return;
            } catch (SipParseException | IllegalArgumentException cannotAnswer) {
                // Falls through: dropped and counted.
            }
        }
        malformedDropped++;
    }

    private static boolean isKeepAlive(byte[] buf, int off, int len) {
        // RFC 5626 §4.4.1 / §3.5.1: empty lines between messages are keep-alives, not messages.
        for (int i = off; i < off + len; i++) {
            if (buf[i] != '\r' && buf[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean sameHost(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean sendRequest(SipRequest request, Endpoint to) {
        return transport.send(request.toBytes(), to);
    }

    @Override
    public boolean sendResponse(SipResponse response, Endpoint to) {
        return transport.send(ops.encodeForSending(response), to);
    }

    /** Messages that could not be parsed and could not be answered. */
    public long malformedDropped() {
        return malformedDropped;
    }

    /** Malformed requests answered with 400. */
    public long badRequestsAnswered() {
        return badRequestsAnswered;
    }

    /** Responses whose top Via was not this stack's (RFC 3261 §18.1.2). */
    public long foreignResponses() {
        return foreignResponses;
    }
}
