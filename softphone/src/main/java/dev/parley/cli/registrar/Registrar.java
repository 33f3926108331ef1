package dev.parley.cli.registrar;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transport.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The registrar of RFC 3261 §10.3: authenticates a REGISTER with digest, then adds, refreshes and
 * removes the bindings of its address-of-record in the {@link LocationService}, and answers with
 * the bindings that remain. A wrong user name or password gets 403 (not a fresh 401), so a UA with
 * a bad password stops at once instead of retrying.
 *
 * <p>Confined to the server's event loop thread.
 */
final class Registrar {

    private final RegistrarConfig config;
    private final UsersFile users;
    private final LocationService locations;
    private final DigestVerifier verifier;
    private final TagSource tags;

    Registrar(RegistrarConfig config, UsersFile users, LocationService locations, DigestVerifier verifier, TagSource tags) {
        this.config = config;
        this.users = users;
        this.locations = locations;
        this.verifier = verifier;
        this.tags = tags;
    }

    /** The response to a REGISTER that came from {@code source}. */
    SipResponse register(SipRequest request, Endpoint source, long nowMillis) {
        try {
            return process(request, source, nowMillis);
        } catch (SipParseException | IllegalArgumentException e) {
            return reply(request, 400, "Bad Request - malformed Contact or Expires");
        }
    }

    private SipResponse process(SipRequest request, Endpoint source, long nowMillis) {
        // Lenient: RFC 3261 §10.3 step 1 (the Request-URI names a domain this registrar serves) is not
        // checked: it serves one domain under whatever name or address the UA uses.
        // RFC 3261 §10.3 step 2 (§8.2.2.3): a Require naming an extension the registrar lacks gets 420.
        List<String> required = request.tokens("Require");
        if (!required.isEmpty()) {
            return request.createResponse(420, "Bad Extension", tags.next()).toBuilder()
                    .add("Unsupported", String.join(", ", required)).build();
        }
        // RFC 3261 §10.3 step 3: a registrar SHOULD authenticate the UAC (§22).
        DigestVerifier.Verdict verdict = verifier.verify(request, "Authorization", nowMillis);
        switch (verdict.kind()) {
            case MISSING, STALE -> {
                var b = request.createResponse(401, "Unauthorized", tags.next()).toBuilder();
                verifier.challenges(verdict.kind() == DigestVerifier.Kind.STALE, nowMillis)
                        .forEach(c -> b.add("WWW-Authenticate", c));
                return b.build();
            }
            case WRONG_CREDENTIALS -> {
                return reply(request, 403, "Forbidden - wrong user name or password");
            }
            case MALFORMED -> {
                return reply(request, 400, "Bad Request - " + verdict.detail());
            }
            case ACCEPTED -> {
                // Continues below.
            }
        }
        // RFC 3261 §10.3 step 5: the address-of-record is the To URI; unknown ones get 404.
        if (!(request.to().uri() instanceof SipUri aorUri) || aorUri.user() == null || !users.contains(aorUri.user())) {
            return reply(request, 404, "Not Found");
        }
        String aor = aorUri.user();
        // RFC 3261 §10.3 step 6: the authenticated user must be allowed to change this AOR: only its own.
        if (!aor.equals(verdict.user())) {
            return reply(request, 403, "Forbidden - " + verdict.user() + " may not register " + aor);
        }
        List<Contact> contacts = request.contacts();
        OptionalLong headerExpires = request.expires();
        if (contacts.stream().anyMatch(Contact::isWildcard)) {
            return removeAll(request, aor, contacts, headerExpires, nowMillis);
        }
        return update(request, aor, contacts, headerExpires, source, nowMillis);
    }

    private SipResponse removeAll(SipRequest request, String aor, List<Contact> contacts, OptionalLong headerExpires,
                                  long nowMillis) {
        // RFC 3261 §10.3 step 6: "*" must be the only Contact and Expires must be 0, else 400.
        if (contacts.size() != 1 || headerExpires.isEmpty() || headerExpires.getAsLong() != 0) {
            return reply(request, 400, "Bad Request - Contact: * needs Expires: 0 and no other Contact");
        }
        for (Binding b : locations.bindings(aor, nowMillis)) {
            if (outOfOrder(b, request)) {
                return reply(request, 500, "Server Internal Error - CSeq not higher than the last REGISTER");
            }
        }
        locations.removeAll(aor);
        return ok(request, aor, nowMillis);
    }

    /** A validated change to one binding; the whole REGISTER is checked before any is applied. */
    private record Change(NameAddr contact, long seconds) {
    }

    private SipResponse update(SipRequest request, String aor, List<Contact> contacts, OptionalLong headerExpires,
                               Endpoint source, long nowMillis) {
        List<Change> changes = new ArrayList<>();
        int added = 0;
        for (Contact c : contacts) {
            // RFC 3261 §10.3 step 7: the contact's expires parameter, else the Expires header, else a local default.
            long seconds = c.expires().orElse(headerExpires.orElse(config.defaultExpires()));
            if (seconds < 0) {
                return reply(request, 400, "Bad Request - negative expires");
            }
            // RFC 3261 §10.3 step 7: 0 < expiry < the minimum the registrar accepts → 423 with Min-Expires.
            if (seconds > 0 && seconds < config.minExpires()) {
                return request.createResponse(423, "Interval Too Brief", tags.next()).toBuilder()
                        .add("Min-Expires", Long.toString(config.minExpires())).build();
            }
            // RFC 3261 §10.3 step 7: the registrar MAY shorten the expiry.
            seconds = Math.min(seconds, config.maxExpires());
            Optional<Binding> existing = locations.find(aor, c.address().uri());
            if (existing.isPresent() && outOfOrder(existing.get(), request)) {
                return reply(request, 500, "Server Internal Error - CSeq not higher than the last REGISTER");
            }
            if (existing.isEmpty() && seconds > 0) {
                added++;
            }
            NameAddr a = c.address();
            changes.add(new Change(new NameAddr(a.displayName(), a.uri(), a.params().without("expires")), seconds));
        }
        if (!locations.hasRoom(aor, added)) {
            return request.createResponse(503, "Service Unavailable - too many contacts for " + aor, tags.next())
                    .toBuilder().add("Retry-After", "60").build();
        }
        long cseq = request.cseq().number();
        for (Change ch : changes) {
            if (ch.seconds() == 0) {
                locations.remove(aor, ch.contact().uri());
            } else {
                locations.put(aor, new Binding(ch.contact(), request.callId(), cseq, nowMillis + ch.seconds() * 1000, source));
            }
        }
        return ok(request, aor, nowMillis);
    }

    /**
     * RFC 3261 §10.3 step 7: for the same Call-ID, a REGISTER whose CSeq is not higher than the one
     * that last touched the binding is out of order and MUST NOT change it.
     */
    private static boolean outOfOrder(Binding b, SipRequest request) {
        return b.callId().equals(request.callId()) && request.cseq().number() <= b.cseq();
    }

    // RFC 3261 §10.3 step 8: the 200 lists every current binding with its remaining expiry.
    private SipResponse ok(SipRequest request, String aor, long nowMillis) {
        var b = request.createResponse(200, "OK", tags.next()).toBuilder();
        for (Binding binding : locations.bindings(aor, nowMillis)) {
            b.add("Contact", binding.contact().withParam("expires", Long.toString(binding.secondsLeft(nowMillis))).toString());
        }
        return b.build();
    }

    private SipResponse reply(SipRequest request, int status, String reason) {
        return request.createResponse(status, reason, tags.next());
    }
}
