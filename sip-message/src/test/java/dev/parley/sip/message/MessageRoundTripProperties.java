package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * parse(serialize(m)) equals m for generated messages: random methods, URIs with escapes and
 * IPv6 hosts, display names with quotes, parameters, multi-valued headers, binary bodies.
 */
class MessageRoundTripProperties {

    private static Arbitrary<String> token() {
        return Arbitraries.strings().withChars("abcXYZ019-.!%*_+`'~").ofMinLength(1).ofMaxLength(10);
    }

    private static Arbitrary<String> anyText() {
        return Arbitraries.strings().withChars("aZ09 @:;?&=%\"\\<>,/[]$+é\u00fc\u4e2d\u0001").ofMinLength(1).ofMaxLength(12);
    }

    private static Arbitrary<String> host() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcdefxyz").ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l) + ".example");
        Arbitrary<String> v4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> "2001:db8::" + String.join(":", l.stream().map(Integer::toHexString).toList()));
        return Arbitraries.oneOf(name, v4, v6);
    }

    private static Arbitrary<Parameters> uriParams() {
        return Combinators.combine(token(), Arbitraries.oneOf(anyText(), Arbitraries.just(null)))
                .as((n, v) -> new String[] {n, v}).list().ofMaxSize(3)
                .map(l -> {
                    Parameters p = Parameters.EMPTY;
                    for (String[] kv : l) {
                        p = p.with(kv[0], kv[1]);
                    }
                    return p;
                });
    }

    @Provide
    Arbitrary<SipUri> sipUris() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.oneOf(anyText(), Arbitraries.just(null)),
                host(), Arbitraries.integers().between(-1, 65535), uriParams(),
                Arbitraries.oneOf(Arbitraries.just(Parameters.EMPTY), Combinators.combine(token(), anyText())
                        .as((n, v) -> Parameters.of(n, v))))
                .as((secure, user, host, port, params, headers) -> new SipUri(secure, user, null, host, port, params, headers));
    }

    @Provide
    Arbitrary<NameAddr> nameAddrs() {
        Arbitrary<String> display = Arbitraries.oneOf(anyText(), Arbitraries.just(null));
        Arbitrary<String> tag = Arbitraries.oneOf(token(), Arbitraries.just(null));
        return Combinators.combine(display, sipUris(), tag).as((d, u, t) -> {
            NameAddr na = new NameAddr(d, u, Parameters.EMPTY);
            return t == null ? na : na.withTag(t);
        });
    }

    @Property(tries = 300)
    void sipUri_parseOfToStringIsTheSameUri(@ForAll("sipUris") SipUri uri) {
        Uri back = Uri.parse(uri.toString());
        assertEquals(uri, back);
        assertTrue(back.isEquivalent(uri));
    }

    @Property(tries = 300)
    void nameAddr_parseOfToStringIsTheSameValue(@ForAll("nameAddrs") NameAddr na) {
        assertEquals(na, NameAddr.parse(na.toString()));
    }

    @Property(tries = 300)
    void generatedRequest_survivesSerializeAndParse(
            @ForAll("nameAddrs") NameAddr from, @ForAll("nameAddrs") NameAddr to, @ForAll("sipUris") SipUri target,
            @ForAll("methods") String method,
            @ForAll("viaLists") List<Via> vias,
            @ForAll("routeLists") List<NameAddr> routes,
            @ForAll byte[] body) {
        // RFC 3261 §19.1.1: no header components in a Request-URI.
        target = new SipUri(target.secure(), target.user(), null, target.host(), target.port(), target.params(),
                Parameters.EMPTY);
        SipMessageBuilder<SipRequest> b = SipRequest.builder(method, target)
                .maxForwards(70).from(from).to(to).callId("cid-1@h").cseq(42, method);
        for (int i = vias.size() - 1; i >= 0; i--) {
            b.via(vias.get(i));
        }
        if (!routes.isEmpty()) {
            b.add("Route", String.join(", ", routes.stream().map(NameAddr::toString).toList()));
        }
        b.add("X-Opaque", "a, \"b,c\" <d,e>");
        SipRequest built = b.body("application/octet-stream", body).build();
        SipRequest parsed = (SipRequest) new SipParser().parse(built.toBytes()).validate();
        assertEquals(method, parsed.method());
        assertEquals(target, parsed.requestUri());
        assertEquals(from, parsed.from());
        assertEquals(to, parsed.to());
        assertEquals(vias, parsed.vias());
        assertEquals(routes, parsed.routes());
        assertEquals(new CSeq(42, method), parsed.cseq());
        assertEquals(from.tag(), parsed.fromTag());
        assertEquals(List.of("a, \"b,c\" <d,e>"), parsed.headerValues("x-opaque"));
        assertArrayEquals(body, parsed.body());
        Semantics.assertRoundTrips(parsed);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of(SipMethod.INVITE, SipMethod.REGISTER, SipMethod.BYE, SipMethod.INFO), token());
    }

    @Provide
    Arbitrary<List<Via>> viaLists() {
        Arbitrary<Via> via = Combinators.combine(Arbitraries.of("UDP", "TCP", "TLS", "SCTP", "WS"), host(),
                Arbitraries.integers().between(-1, 65535), token(), Arbitraries.of(true, false))
                .as((t, h, p, branch, rport) -> {
                    Via v = Via.of(t, h, p, "z9hG4bK" + branch);
                    return rport ? v.withParam("rport", null) : v;
                });
        return via.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<NameAddr>> routeLists() {
        return sipUris().map(u -> NameAddr.of(u.withParam("lr", null))).list().ofMaxSize(4);
    }

    @Property(tries = 200)
    void generatedResponse_survivesSerializeAndParse(
            @ForAll("nameAddrs") NameAddr from, @ForAll("nameAddrs") NameAddr to,
            @ForAll("viaLists") List<Via> vias, @ForAll("statusCodes") int status, @ForAll("reasons") String reason,
            @ForAll("routeLists") List<NameAddr> recordRoutes, @ForAll byte[] body) {
        SipMessageBuilder<SipResponse> b = SipResponse.builder(status, reason).from(from).to(to).callId("c@h")
                .cseq(7, SipMethod.INVITE);
        for (int i = vias.size() - 1; i >= 0; i--) {
            b.via(vias.get(i));
        }
        recordRoutes.forEach(b::recordRoute);
        SipResponse built = b.body("application/sdp", body).build();
        for (HeaderForm form : HeaderForm.values()) {
            SipResponse parsed = (SipResponse) new SipParser().parse(built.toBytes(form)).validate();
            assertEquals(status, parsed.statusCode());
            assertEquals(reason, parsed.reasonPhrase());
            assertEquals(vias, parsed.vias());
            assertEquals(recordRoutes, parsed.recordRoutes());
            assertEquals(to.tag(), parsed.toTag());
            assertArrayEquals(body, parsed.body());
            Semantics.assertSameMessage(built, parsed);
        }
    }

    @Provide
    Arbitrary<Integer> statusCodes() {
        return Arbitraries.integers().between(100, 699);
    }

    @Provide
    Arbitrary<String> reasons() {
        return Arbitraries.strings().withChars("Ok Ringing-é中	!").ofMaxLength(20)
                .filter(r -> r.equals(r.strip()) && !r.startsWith("\t"));
    }
}
