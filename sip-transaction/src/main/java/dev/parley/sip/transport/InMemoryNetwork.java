package dev.parley.sip.transport;

import dev.parley.sip.transaction.Scheduler;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A network in memory for tests and demos: endpoints bind to addresses and exchange payloads
 * (bytes, or message objects) through the {@link Scheduler} of the stack, so that with
 * {@code VirtualTime} a whole call runs in virtual time, deterministically.
 *
 * <p>Impairments are seeded: each payload may be dropped, duplicated and delayed by a random
 * time in [minDelay, maxDelay], which also reorders payloads. A {@link Filter} can decide the fate
 * of chosen payloads exactly ("drop the first two INVITEs"). Payloads in flight are bounded;
 * beyond the bound they are dropped and counted, as a full socket buffer would.
 *
 * <p>Single-threaded: call it from the thread that drives the scheduler.
 *
 * @param <T> the payload type
 */
public final class InMemoryNetwork<T> {

    /** Seeded, random impairments applied to every payload. */
    public record Impairments(double dropRate, double duplicateRate, long minDelayMillis, long maxDelayMillis) {

        /** A perfect network: every payload delivered once, at the next tick. */
        public static final Impairments NONE = new Impairments(0, 0, 0, 0);

        public Impairments {
            if (dropRate < 0 || dropRate > 1 || duplicateRate < 0 || duplicateRate > 1
                    || minDelayMillis < 0 || maxDelayMillis < minDelayMillis) {
                throw new IllegalArgumentException("bad impairments " + dropRate + "/" + duplicateRate + "/"
                        + minDelayMillis + "-" + maxDelayMillis);
            }
        }
    }

    /** What happens to one payload. */
    public enum Fate { DELIVER, DROP, DUPLICATE }

    /** Chooses the fate of a payload before the random impairments; null leaves it to them. */
    @FunctionalInterface
    public interface Filter<T> {
        Fate decide(Endpoint from, Endpoint to, T payload);
    }

    /** Receives payloads addressed to a bound endpoint. */
    @FunctionalInterface
    public interface Receiver<T> {
        void receive(T payload, Endpoint from);
    }

    /** Observes every payload sent, with its fate; for ladder traces and assertions. */
    @FunctionalInterface
    public interface Tap<T> {
        void sent(long atMillis, Endpoint from, Endpoint to, T payload, Fate fate);
    }

    /** A bound endpoint: sends from its own address (so replies come back to it). */
    public final class Port {
        private final Endpoint local;

        private Port(Endpoint local) {
            this.local = local;
        }

        public Endpoint local() {
            return local;
        }

        /**
         * Sends a payload. Returns false when nothing is bound at {@code to} (the ICMP "port
         * unreachable" of a real network, which the transaction layer treats as a transport error).
         */
        public boolean send(T payload, Endpoint to) {
            return InMemoryNetwork.this.send(local, to, payload);
        }

        /** Unbinds; payloads still in flight to it are lost. */
        public void close() {
            receivers.remove(local);
        }
    }

    private final Scheduler scheduler;
    private final Random random;
    private final int maxInFlight;
    private final Map<Endpoint, Receiver<T>> receivers = new HashMap<>();
    private Impairments impairments = Impairments.NONE;
    private Filter<T> filter = (from, to, p) -> null;
    private Tap<T> tap = (at, from, to, p, fate) -> { };
    private int inFlight;
    private long sent;
    private long dropped;
    private long duplicated;
    private long overflowed;

    public InMemoryNetwork(Scheduler scheduler, long seed, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight " + maxInFlight);
        }
        this.scheduler = Objects.requireNonNull(scheduler);
        this.random = new Random(seed);
        this.maxInFlight = maxInFlight;
    }

    /** Binds a receiver to an address. */
    public Port bind(Endpoint local, Receiver<T> receiver) {
        if (receivers.putIfAbsent(local, Objects.requireNonNull(receiver)) != null) {
            throw new IllegalStateException("address in use: " + local);
        }
        return new Port(local);
    }

    public void impair(Impairments value) {
        this.impairments = Objects.requireNonNull(value);
    }

    public void filter(Filter<T> value) {
        this.filter = Objects.requireNonNull(value);
    }

    public void tap(Tap<T> value) {
        this.tap = Objects.requireNonNull(value);
    }

    private boolean send(Endpoint from, Endpoint to, T payload) {
        if (!receivers.containsKey(to)) {
            return false;
        }
        sent++;
        Fate fate = filter.decide(from, to, payload);
        if (fate == null) {
            if (random.nextDouble() < impairments.dropRate()) {
                fate = Fate.DROP;
            } else if (random.nextDouble() < impairments.duplicateRate()) {
                fate = Fate.DUPLICATE;
            } else {
                fate = Fate.DELIVER;
            }
        }
        tap.sent(scheduler.now(), from, to, payload, fate);
        switch (fate) {
            case DROP -> dropped++;
            case DELIVER -> deliverLater(from, to, payload);
            case DUPLICATE -> {
                duplicated++;
                deliverLater(from, to, payload);
                deliverLater(from, to, payload);
            }
        }
        return true;
    }

    private void deliverLater(Endpoint from, Endpoint to, T payload) {
        if (inFlight >= maxInFlight) {
            overflowed++;
            return;
        }
        inFlight++;
        long span = impairments.maxDelayMillis() - impairments.minDelayMillis();
        long delay = impairments.minDelayMillis() + (span == 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
        scheduler.schedule(delay, () -> {
            inFlight--;
            Receiver<T> r = receivers.get(to);
            if (r != null) {
                r.receive(payload, from);
            }
        });
    }

    /** Payloads accepted for sending (to a bound address). */
    public long sent() {
        return sent;
    }

    /** Payloads dropped by the filter or the random impairments. */
    public long dropped() {
        return dropped;
    }

    public long duplicated() {
        return duplicated;
    }

    /** Payloads lost because {@code maxInFlight} were already in flight. */
    public long overflowed() {
        return overflowed;
    }
}
