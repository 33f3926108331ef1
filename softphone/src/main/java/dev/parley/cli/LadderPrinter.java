package dev.parley.cli;

import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;
import dev.parley.ua.PhoneListener;
import dev.parley.ua.SipPacket;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code --trace}: a ladder diagram of every SIP message this phone sends or receives, one line
 * each, arrows between named parties, with the method or status and a short Call-ID:
 *
 * <pre>
 *   +0.000s  alice ───── INVITE sip:bob@parley.test [8f3c21a0] ─────▶ proxy 127.0.0.1:5070
 *   +0.004s  alice ◀──── 407 Proxy Authentication Required [8f3c21a0] ── proxy 127.0.0.1:5070
 * </pre>
 */
final class LadderPrinter implements PhoneListener {

    static final int ARROW_WIDTH = 56;

    private final PrintStream out;
    private final String self;
    private final Map<String, String> names;
    private final LongSupplier clockMillis;
    private final long start;
    private final SipParser parser = new SipParser();

    /**
     * @param self  the name of this phone (its user)
     * @param names names of known peers by {@code host:port} ("proxy", "registrar")
     */
    LadderPrinter(PrintStream out, String self, Map<String, String> names, LongSupplier clockMillis) {
        this(out, self, names, clockMillis, clockMillis.getAsLong());
    }

    /** With times counted from {@code startMillis}: several printers (the demo's phones) share one time line. */
    LadderPrinter(PrintStream out, String self, Map<String, String> names, LongSupplier clockMillis, long startMillis) {
        this.out = out;
        this.self = self;
        this.names = Map.copyOf(names);
        this.clockMillis = clockMillis;
        this.start = startMillis;
    }

    @Override
    public void onSipPacket(SipPacket packet) {
        String label = label(packet.bytes());
        // Time taken under the stream's lock: printers sharing one stream (the demo's phones) print in time order.
        synchronized (out) {
            out.println(line(packet, label));
        }
    }

    String line(SipPacket packet) {
        return line(packet, label(packet.bytes()));
    }

    private String line(SipPacket packet, String label) {
        long ms = clockMillis.getAsLong() - start;
        int fill = Math.max(2, ARROW_WIDTH - label.length() - 6);
        String arrow = packet.outgoing()
                ? "───── " + label + " " + "─".repeat(fill) + "▶"
                : "◀──── " + label + " " + "─".repeat(fill) + "─";
        return String.format("%+8.3fs  %s %s %s", ms / 1000.0, self, arrow, peer(packet.remote()));
    }

    private String peer(Endpoint remote) {
        InetSocketAddress a = remote.address();
        String hostPort = a.getAddress().getHostAddress() + ":" + a.getPort();
        String name = names.get(hostPort);
        return name == null ? hostPort : name + " " + hostPort;
    }

    /** METHOD Request-URI or STATUS Reason, then the first 8 characters of the Call-ID. */
    String label(byte[] bytes) {
        try {
            SipMessage m = parser.parse(bytes);
            String first = m instanceof SipRequest r ? r.method() + " " + r.requestUriText()
                    : ((SipResponse) m).statusCode() + " " + ((SipResponse) m).reasonPhrase();
            String callId = m.hasHeader("Call-ID") ? m.callId() : "?";
            return first + " [" + (callId.length() > 8 ? callId.substring(0, 8) : callId) + "]";
        } catch (SipParseException e) {
            return "malformed, " + bytes.length + " bytes (" + e.reason().description() + ")";
        }
    }
}
