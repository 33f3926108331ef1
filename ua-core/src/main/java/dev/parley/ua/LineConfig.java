package dev.parley.ua;

import dev.parley.sip.transport.TransportKind;
import java.util.Objects;

/**
 * One SIP account of a {@link SoftPhone}: who the line is, where it registers and how. Immutable;
 * build it with {@link #builder(String, String)}.
 *
 * <pre>{@code
 * LineConfig alice = LineConfig.builder("alice", "example.com")
 *         .password("secret")
 *         .registrar("192.0.2.10:5060")
 *         .build();
 * }</pre>
 *
 * @param user                 the user part of the address of record ({@code alice} in {@code sip:alice@example.com})
 * @param authUser             the digest user name (often the same as {@code user})
 * @param password             the digest password (empty when the registrar does not challenge)
 * @param displayName          shown to the people we call, or empty
 * @param domain               the domain part of the address of record
 * @param registrar            where REGISTER goes: {@code host[:port]} (default: the domain, port 5060)
 * @param outboundProxy        where every request goes first, {@code host[:port]}, or empty for none
 * @param transport            the SIP transport of this line: UDP (default), TCP or TLS (RFC 3261 §18, §26.2);
 *                             the registrar, the outbound proxy and targets without a {@code transport}
 *                             parameter are reached over it, and the Contact and Via say it
 * @param expirySeconds        the registration lifetime we ask for (RFC 3261 §10.2.1)
 * @param registrationRequired whether the line registers when added (false: calls only, no registrar)
 * @param sips                 whether the address of record and our Contact are {@code sips:} URIs
 *                             (RFC 3261 §26.2.2: requests for them are carried over TLS on every hop);
 *                             needs transport TLS
 */
public record LineConfig(String user, String authUser, String password, String displayName, String domain,
                         String registrar, String outboundProxy, TransportKind transport, int expirySeconds,
                         boolean registrationRequired, boolean sips) {

    public LineConfig {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(authUser, "authUser");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(outboundProxy, "outboundProxy");
        Objects.requireNonNull(transport, "transport");
        if (user.isEmpty() || domain.isEmpty()) {
            throw new IllegalArgumentException("a line needs a user and a domain");
        }
        if (sips && transport != TransportKind.TLS) {
            // RFC 3261 §26.2.2: a sips: resource is reached over TLS only.
            throw new IllegalArgumentException("a sips: line needs transport TLS, not " + transport);
        }
        if (expirySeconds < 1) {
            throw new IllegalArgumentException("expiry " + expirySeconds);
        }
    }

    /** The address of record, {@code sip:user@domain} ({@code sips:} for a sips line). */
    public String addressOfRecord() {
        return (sips ? "sips:" : "sip:") + user + "@" + domain;
    }

    /** A builder for {@code sip:user@domain}, registering at the domain for one hour. */
    public static Builder builder(String user, String domain) {
        return new Builder(user, domain);
    }

    /** Builds a {@link LineConfig}; every setting but user and domain is optional. */
    public static final class Builder {
        private final String user;
        private final String domain;
        private String authUser;
        private String password = "";
        private String displayName = "";
        private String registrar;
        private String outboundProxy = "";
        private TransportKind transport = TransportKind.UDP;
        private int expirySeconds = 3600;
        private boolean registrationRequired = true;
        private boolean sips;

        private Builder(String user, String domain) {
            this.user = user;
            this.domain = domain;
        }

        public Builder authUser(String value) {
            this.authUser = value;
            return this;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        public Builder registrar(String hostPort) {
            this.registrar = hostPort;
            return this;
        }

        public Builder outboundProxy(String hostPort) {
            this.outboundProxy = hostPort;
            return this;
        }

        public Builder transport(TransportKind value) {
            this.transport = value;
            return this;
        }

        public Builder expirySeconds(int value) {
            this.expirySeconds = value;
            return this;
        }

        public Builder registrationRequired(boolean value) {
            this.registrationRequired = value;
            return this;
        }

        /** A {@code sips:} address of record and Contact (RFC 3261 §26.2.2); the transport must be TLS. */
        public Builder sips(boolean value) {
            this.sips = value;
            return this;
        }

        public LineConfig build() {
            return new LineConfig(user, authUser == null ? user : authUser, password, displayName, domain,
                    registrar == null ? domain : registrar, outboundProxy, transport, expirySeconds,
                    registrationRequired, sips);
        }
    }
}
