package dev.parley.sip.message;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * RFC 6665 §8.2.3 Subscription-State: {@code active}, {@code pending} or {@code terminated}
 * (or an extension) with {@code expires}, {@code reason} and {@code retry-after} parameters.
 */
public record SubscriptionState(String state, Parameters params) {

    public boolean isTerminated() {
        return state.equalsIgnoreCase("terminated");
    }

    public OptionalLong expires() {
        return params.get("expires").map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    public Optional<String> reason() {
        return params.get("reason");
    }

    @Override
    public String toString() {
        return state + params;
    }
}
