package dev.parley.ua.internal.phone;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The target set of one outgoing call (RFC 3261 §8.1.3.4): the URIs the call was sent to or may
 * be sent to next, each at most once, with a bound on how many redirections are followed. The
 * Contacts of each 3xx join the set in decreasing q order (equal q keeps the order received) and
 * are tried one after the other ("serial processing in decreasing q-value order").
 * Bounded: at most {@link #MAX_TARGETS} URIs are remembered. Confined to the SIP thread.
 */
final class RedirectTargets {

    /** Bound on the URIs one call remembers (tried and pending). */
    static final int MAX_TARGETS = 32;

    /** What to do with a 3xx. */
    enum Verdict {
        /** Send the INVITE to {@link #next()}. */
        FOLLOW,
        /** The redirection bound is reached. */
        TOO_MANY,
        /** Every Contact of the 3xx was already in the target set (or none was usable): a loop. */
        LOOP
    }

    private final int maxRedirects;
    /** Every URI ever in the set, as text with parameters kept: §8.1.3.4 "only once". */
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<Uri> pending = new ArrayList<>();
    private int followed;

    RedirectTargets(Uri first, int maxRedirects) {
        this.maxRedirects = maxRedirects;
        seen.add(key(first));
    }

    /** How many redirections were followed so far. */
    int followed() {
        return followed;
    }

    /**
     * Adds the Contacts of a 3xx. RFC 3261 §8.1.3.4: "Placing any given URI in the target set only
     * once prevents infinite redirection loops". Contacts that are not SIP or SIPS URIs are skipped
     * (a phone can only send SIP requests).
     */
    Verdict onRedirect(List<Contact> contacts) {
        if (followed >= maxRedirects) {
            return Verdict.TOO_MANY;
        }
        List<Contact> sorted = new ArrayList<>(contacts);
        // Stable sort: equal q values stay in the order the server gave.
        sorted.sort(Comparator.comparingDouble(RedirectTargets::q).reversed());
        List<Uri> fresh = new ArrayList<>();
        for (Contact c : sorted) {
            if (c.isWildcard() || !(c.address().uri() instanceof SipUri)) {
                continue;
            }
            Uri uri = c.address().uri();
            if (seen.size() < MAX_TARGETS && seen.add(key(uri))) {
                fresh.add(uri);
            }
        }
        // The new Contacts come before older untried targets of lower rank (depth first).
        pending.addAll(0, fresh);
        return pending.isEmpty() ? Verdict.LOOP : Verdict.FOLLOW;
    }

    /** Whether a target is left to try after a failure (RFC 3261 §8.1.3.4: "moves to the next address"). */
    boolean hasNext() {
        return !pending.isEmpty() && followed < maxRedirects;
    }

    /** Takes the next target; each one taken counts as a redirection followed. */
    Uri next() {
        followed++;
        return pending.remove(0);
    }

    /**
     * The URIs an application gave {@code Call.redirect}: full URIs, or bare user names in
     * {@code domain}. At most {@link #MAX_TARGETS}.
     *
     * @throws IllegalArgumentException for none, too many, or one that does not parse
     */
    static List<Uri> parse(List<String> targets, String domain) {
        if (targets.isEmpty() || targets.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("redirect to 1 to " + MAX_TARGETS + " targets, not " + targets.size());
        }
        List<Uri> out = new ArrayList<>(targets.size());
        for (String t : targets) {
            try {
                out.add(t.contains(":") ? Uri.parse(t) : SipUri.of(t, domain));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a URI: " + t, e);
            }
        }
        return List.copyOf(out);
    }

    private static double q(Contact c) {
        try {
            return c.q().orElse(1.0);
        } catch (NumberFormatException e) {
            return 0; // Lenient: a malformed q ranks last rather than failing the redirect.
        }
    }

    /** RFC 3261 §19.1.4 compares URIs field by field; the canonical text is close enough here. */
    private static String key(Uri uri) {
        return uri.toString();
    }
}
