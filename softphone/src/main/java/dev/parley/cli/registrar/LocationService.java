package dev.parley.cli.registrar;

import dev.parley.sip.message.Uri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The location service of RFC 3261 §10: the bindings of each address-of-record, in memory.
 * Addresses-of-record are keyed by their user part (one domain). Bounded: the registrar only
 * accepts users from its users file, and at most {@code maxBindingsPerAor} contacts each.
 *
 * <p>Confined to the server's event loop thread.
 */
final class LocationService {

    private final int maxBindingsPerAor;
    private final Map<String, List<Binding>> byAor = new HashMap<>();

    LocationService(int maxBindingsPerAor) {
        this.maxBindingsPerAor = maxBindingsPerAor;
    }

    /** The bindings of {@code aor} still valid at {@code nowMillis}, oldest first. */
    List<Binding> bindings(String aor, long nowMillis) {
        List<Binding> out = new ArrayList<>();
        for (Binding b : byAor.getOrDefault(aor, List.of())) {
            if (b.expiresAtMillis() > nowMillis) {
                out.add(b);
            }
        }
        return out;
    }

    // RFC 3261 §10.3 step 7: bindings are compared with the URI comparison rules of §19.1.4.
    Optional<Binding> find(String aor, Uri contact) {
        for (Binding b : byAor.getOrDefault(aor, List.of())) {
            if (b.contact().uri().isEquivalent(contact)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code extra} more bindings fit for {@code aor}. */
    boolean hasRoom(String aor, int extra) {
        return byAor.getOrDefault(aor, List.of()).size() + extra <= maxBindingsPerAor;
    }

    /** Adds the binding, or replaces the one with an equivalent contact in place. */
    void put(String aor, Binding binding) {
        List<Binding> list = byAor.computeIfAbsent(aor, k -> new ArrayList<>(2));
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).contact().uri().isEquivalent(binding.contact().uri())) {
                list.set(i, binding);
                return;
            }
        }
        if (list.size() >= maxBindingsPerAor) {
            throw new IllegalStateException("binding limit reached for " + aor);
        }
        list.add(binding);
    }

    void remove(String aor, Uri contact) {
        List<Binding> list = byAor.get(aor);
        if (list != null) {
            list.removeIf(b -> b.contact().uri().isEquivalent(contact));
            if (list.isEmpty()) {
                byAor.remove(aor);
            }
        }
    }

    void removeAll(String aor) {
        byAor.remove(aor);
    }

    /** Removes every binding lapsed at {@code nowMillis}; returns how many. */
    int removeExpired(long nowMillis) {
        int removed = 0;
        for (Iterator<List<Binding>> it = byAor.values().iterator(); it.hasNext(); ) {
            List<Binding> list = it.next();
            int before = list.size();
            list.removeIf(b -> b.expiresAtMillis() <= nowMillis);
            removed += before - list.size();
            if (list.isEmpty()) {
                it.remove();
            }
        }
        return removed;
    }

    /** Bindings held, expired or not yet swept. */
    int size() {
        int n = 0;
        for (List<Binding> list : byAor.values()) {
            n += list.size();
        }
        return n;
    }
}
