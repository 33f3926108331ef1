/**
 * RFC 8866 session descriptions and RFC 3264 offer/answer.
 *
 * <p>{@link dev.parley.sdp.SessionDescription#parse(byte[], int, int)} reads a description
 * (throwing only {@link dev.parley.sdp.SdpParseException}); {@link
 * dev.parley.sdp.SessionDescription#encode()} writes one back in canonical order. {@link
 * dev.parley.sdp.OfferAnswer} turns {@link dev.parley.sdp.LocalCapabilities} into offers and
 * answers and keeps the {@link dev.parley.sdp.NegotiatedMedia} in force for one dialog.
 *
 * <p>Threads: every value type here is an immutable record, safe to share between threads.
 * {@code OfferAnswer} is the one mutable class: it belongs to one dialog and must be called from
 * one thread at a time (the UA's dialog thread). Parsing keeps no state between calls.
 */
package dev.parley.sdp;
