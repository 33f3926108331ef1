package dev.parley.cli.registrar;

import java.util.random.RandomGenerator;

/** To tags for the responses this server creates (RFC 3261 §19.3: globally unique, at least 32 random bits). */
final class TagSource {

    private final RandomGenerator random;

    TagSource(RandomGenerator random) {
        this.random = random;
    }

    String next() {
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
