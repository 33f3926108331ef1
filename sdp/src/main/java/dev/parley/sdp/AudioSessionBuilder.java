package dev.parley.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the common description: one RTP/AVP audio stream at an address and port, with codecs
 * in preference order and a direction.
 *
 * <pre>{@code
 * SessionDescription sd = SessionDescription.audio("192.0.2.10", 40000)
 *         .codecs(Codec.PCMU, Codec.PCMA, Codec.TELEPHONE_EVENT)
 *         .direction(Direction.SENDONLY)
 *         .build();
 * }</pre>
 */
public final class AudioSessionBuilder {
    private final String address;
    private final int port;
    private final List<Codec> codecs = new ArrayList<>();
    private Direction direction = Direction.SENDRECV;
    private int ptime;
    private boolean rtcpMux;
    private String username = "-";
    private String sessionId = "0";
    private long version;
    private String sessionName = "-";

    AudioSessionBuilder(String address, int port) {
        this.address = Objects.requireNonNull(address, "address");
        this.port = port;
    }

    /** Adds codecs, most preferred first. */
    public AudioSessionBuilder codecs(Codec... more) {
        codecs.addAll(List.of(more));
        return this;
    }

    public AudioSessionBuilder direction(Direction d) {
        direction = Objects.requireNonNull(d, "direction");
        return this;
    }

    /** The packet time to ask the peer for, in milliseconds (0 leaves a=ptime out). */
    public AudioSessionBuilder ptime(int milliseconds) {
        ptime = milliseconds;
        return this;
    }

    public AudioSessionBuilder rtcpMux(boolean on) {
        rtcpMux = on;
        return this;
    }

    /** The o= username, session id and version (defaults "-", "0", 0). */
    public AudioSessionBuilder origin(String user, String id, long sessionVersion) {
        username = Objects.requireNonNull(user, "user");
        sessionId = Objects.requireNonNull(id, "id");
        version = sessionVersion;
        return this;
    }

    /** The s= text (default "-", as RFC 8866 §5.3 suggests when there is no name). */
    public AudioSessionBuilder sessionName(String name) {
        sessionName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * The description.
     *
     * @throws IllegalArgumentException if no codec was given or the port is out of 1..65535
     */
    public SessionDescription build() {
        MediaCapability cap = new MediaCapability("audio", "RTP/AVP", port, codecs, direction, ptime, rtcpMux, false);
        Connection c = Connection.internet(address);
        MediaDescription m = MediaLines.active(cap, port, MediaLines.numbered(codecs, x -> null), direction, rtcpMux);
        Origin origin = new Origin(username, sessionId, version, c);
        return SessionDescription.of(origin, sessionName, c, List.of(), List.of(m));
    }
}
