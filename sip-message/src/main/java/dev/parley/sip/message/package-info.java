/**
 * RFC 3261 message layer: requests, responses, header fields, URIs, the parser and the serializer.
 *
 * <h2>How to use</h2>
 * <pre>{@code
 * // Receive: one datagram, one message. The array is read in place: do not reuse it.
 * SipParser parser = new SipParser();                       // ParserLimits.DEFAULT
 * try {
 *     SipMessage m = parser.parse(packet, 0, length).validate();
 *     if (m instanceof SipRequest req) {
 *         String branch = req.topVia().branch().orElse("");  // typed views, parsed on first use
 *         CSeq cseq = req.cseq();
 *         SipResponse ringing = req.createResponse(180, "Ringing", "a6c85cf");  // RFC 3261 §8.2.6
 *         byte[] wire = ringing.toBytes();
 *     }
 * } catch (SipParseException e) {
 *     // RFC 3261 §16.3 / RFC 4475 §3.1.2: answer 400 if the transaction headers survived.
 *     e.salvaged().filter(s -> s instanceof SipRequest).map(s -> (SipRequest) s)
 *      .ifPresent(req -> send(SipResponse.createFrom(req, 400, e.reason().description(), null)));
 * }
 *
 * // TCP/TLS: one framer per connection, fed chunks of any size.
 * SipStreamFramer framer = new SipStreamFramer(ParserLimits.DEFAULT, message -> handle(message));
 * framer.feed(chunk, 0, n);
 *
 * // Build a request; edit any message through toBuilder().
 * SipRequest invite = SipRequest.builder(SipMethod.INVITE, SipUri.of("bob", "biloxi.example.com"))
 *     .via(Via.of("UDP", "pc33.atlanta.example.com", -1, "z9hG4bK776asdhds"))
 *     .maxForwards(70)
 *     .to(NameAddr.of("Bob", SipUri.of("bob", "biloxi.example.com")))
 *     .from(NameAddr.of("Alice", SipUri.of("alice", "atlanta.example.com")).withTag("1928301774"))
 *     .callId("a84b4c76e66710@pc33.atlanta.example.com")
 *     .cseq(314159, SipMethod.INVITE)
 *     .body("application/sdp", sdpBytes)
 *     .build();
 * SipRequest forwarded = invite.toBuilder().set("Max-Forwards", "69").build();
 * }</pre>
 *
 * <h2>Design</h2>
 * A parsed message is one byte array plus offsets; header values are decoded when first asked
 * for and cached, and unknown headers are never touched. Every value type ({@link
 * dev.parley.sip.message.Via}, {@link dev.parley.sip.message.NameAddr}, {@link
 * dev.parley.sip.message.SipUri}...) is an immutable record whose {@code toString()} is its wire
 * form. The only exception the parser and the views throw is {@link
 * dev.parley.sip.message.SipParseException}. All types are immutable and thread-safe except the
 * builders and {@link dev.parley.sip.message.SipStreamFramer} (one per connection).
 */
package dev.parley.sip.message;
