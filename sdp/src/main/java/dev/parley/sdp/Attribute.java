package dev.parley.sdp;

import java.util.List;
import java.util.Objects;

/**
 * One {@code a=} line (RFC 8866 §5.13): {@code a=<name>} or {@code a=<name>:<value>}.
 * The attributes an RTP phone acts on are typed; every other attribute is an {@link Other}
 * and is written back exactly as it was read.
 */
public sealed interface Attribute
        permits Direction, Attribute.Rtpmap, Attribute.Fmtp, Attribute.Ptime, Attribute.MaxPtime,
                Attribute.Rtcp, Attribute.RtcpMux, Attribute.Crypto, Attribute.Mid, Attribute.Group,
                Attribute.Other {

    /** The attribute name, the text between {@code a=} and the first colon. */
    String attributeName();

    /** The text after the first colon, or null for a property attribute such as {@code a=rtcp-mux}. */
    String attributeValue();

    /**
     * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} (RFC 8866 §6.6).
     *
     * @param channels the encoding parameters for audio, or 0 when absent (meaning one channel)
     */
    record Rtpmap(int payloadType, String encodingName, int clockRate, int channels) implements Attribute {
        public Rtpmap {
            // RFC 3551 §3: RTP payload types are 7 bits.
            if (payloadType < 0 || payloadType > 127) {
                throw new IllegalArgumentException("payload type out of 0..127: " + payloadType);
            }
            Objects.requireNonNull(encodingName, "encodingName");
            if (clockRate <= 0 || channels < 0) {
                throw new IllegalArgumentException("clock rate must be positive and channels not negative");
            }
        }

        /** The number of audio channels, 1 when the rtpmap does not say. */
        public int channelCount() {
            return channels == 0 ? 1 : channels;
        }

        @Override
        public String attributeName() {
            return "rtpmap";
        }

        @Override
        public String attributeValue() {
            String base = payloadType + " " + encodingName + "/" + clockRate;
            return channels == 0 ? base : base + "/" + channels;
        }
    }

    /** {@code a=fmtp:<format> <format specific parameters>} (RFC 8866 §6.15), parameters kept verbatim. */
    record Fmtp(String format, String parameters) implements Attribute {
        public Fmtp {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(parameters, "parameters");
        }

        @Override
        public String attributeName() {
            return "fmtp";
        }

        @Override
        public String attributeValue() {
            return format + " " + parameters;
        }
    }

    /** {@code a=ptime:<milliseconds>} (RFC 8866 §6.4): media duration per packet the writer wants to receive. */
    record Ptime(int milliseconds) implements Attribute {
        public Ptime {
            if (milliseconds <= 0) {
                throw new IllegalArgumentException("ptime must be positive");
            }
        }

        @Override
        public String attributeName() {
            return "ptime";
        }

        @Override
        public String attributeValue() {
            return Integer.toString(milliseconds);
        }
    }

    /** {@code a=maxptime:<milliseconds>} (RFC 8866 §6.5). */
    record MaxPtime(int milliseconds) implements Attribute {
        public MaxPtime {
            if (milliseconds <= 0) {
                throw new IllegalArgumentException("maxptime must be positive");
            }
        }

        @Override
        public String attributeName() {
            return "maxptime";
        }

        @Override
        public String attributeValue() {
            return Integer.toString(milliseconds);
        }
    }

    /**
     * {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} (RFC 3605 §2.1).
     *
     * @param connection the RTCP address, or null when only the port is given
     */
    record Rtcp(int port, Connection connection) implements Attribute {
        public Rtcp {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public String attributeName() {
            return "rtcp";
        }

        @Override
        public String attributeValue() {
            return connection == null ? Integer.toString(port) : port + " " + connection.value();
        }
    }

    /** {@code a=rtcp-mux} (RFC 5761 §5.1.1): RTP and RTCP share one port. */
    record RtcpMux() implements Attribute {
        @Override
        public String attributeName() {
            return "rtcp-mux";
        }

        @Override
        public String attributeValue() {
            return null;
        }
    }

    /**
     * {@code a=crypto:<tag> <crypto-suite> <key-params> [<session-params>]} (RFC 4568 §9.1).
     *
     * @param sessionParameters the session parameters joined by single spaces, or "" when none
     */
    record Crypto(int tag, String suite, String keyParameters, String sessionParameters) implements Attribute {
        public Crypto {
            if (tag < 0) {
                throw new IllegalArgumentException("tag must not be negative");
            }
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(keyParameters, "keyParameters");
            Objects.requireNonNull(sessionParameters, "sessionParameters");
        }

        @Override
        public String attributeName() {
            return "crypto";
        }

        @Override
        public String attributeValue() {
            String base = tag + " " + suite + " " + keyParameters;
            return sessionParameters.isEmpty() ? base : base + " " + sessionParameters;
        }
    }

    /** {@code a=mid:<identification-tag>} (RFC 5888 §4). */
    record Mid(String tag) implements Attribute {
        public Mid {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public String attributeName() {
            return "mid";
        }

        @Override
        public String attributeValue() {
            return tag;
        }
    }

    /** {@code a=group:<semantics> *(SP <identification-tag>)} (RFC 5888 §5). */
    record Group(String semantics, List<String> tags) implements Attribute {
        public Group {
            Objects.requireNonNull(semantics, "semantics");
            tags = List.copyOf(tags);
        }

        @Override
        public String attributeName() {
            return "group";
        }

        @Override
        public String attributeValue() {
            return tags.isEmpty() ? semantics : semantics + " " + String.join(" ", tags);
        }
    }

    /** Any other attribute, kept byte for byte. {@code value} is null for {@code a=<name>} with no colon. */
    record Other(String name, String value) implements Attribute {
        public Other {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String attributeName() {
            return name;
        }

        @Override
        public String attributeValue() {
            return value;
        }
    }
}
