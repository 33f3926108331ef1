package dev.parley.sip.message;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Contact value (RFC 3261 §20.10): an address with parameters, or the wildcard {@code *}
 * used to remove all bindings (§10.2.2).
 *
 * @param address the address, or {@code null} for the wildcard
 */
public record Contact(NameAddr address) {

    /** {@code Contact: *}. */
    public static final Contact WILDCARD = new Contact(null);

    public static Contact of(Uri uri) {
        return new Contact(NameAddr.of(uri));
    }

    public boolean isWildcard() {
        return address == null;
    }

    /** RFC 3261 §20.10: contact-params-expires, in seconds. */
    public OptionalLong expires() {
        if (address == null) {
            return OptionalLong.empty();
        }
        return address.params().get("expires").map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    /** RFC 3261 §20.10: qvalue, 0 to 1. */
    public Optional<Double> q() {
        return address == null ? Optional.empty() : address.params().get("q").map(Double::valueOf);
    }

    @Override
    public String toString() {
        return address == null ? "*" : address.toString();
    }
}
