package dev.parley.sdp;

import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link OfferAnswer} needs to describe this endpoint: the o= username and
 * session id, the address media is received on, and one {@link MediaCapability} per kind of media.
 * A kind of media without a capability (often video) is answered with port 0 (RFC 3264 §6).
 */
public record LocalCapabilities(String username, String sessionId, String address, List<MediaCapability> media) {
    public LocalCapabilities {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(address, "address");
        media = List.copyOf(media);
    }

    /** A phone with the default audio capability at {@code address:port}. */
    public static LocalCapabilities defaultAudio(String sessionId, String address, int port) {
        return new LocalCapabilities("-", sessionId, address, List.of(MediaCapability.defaultAudio(port)));
    }

    /** The first capability for this media type and transport, or null. */
    public MediaCapability capabilityFor(String mediaType, String proto) {
        for (MediaCapability c : media) {
            if (c.media().equals(mediaType) && c.proto().equals(proto)) {
                return c;
            }
        }
        return null;
    }

    public LocalCapabilities withMedia(List<MediaCapability> m) {
        return new LocalCapabilities(username, sessionId, address, m);
    }
}
