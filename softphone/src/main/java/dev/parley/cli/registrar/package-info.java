/**
 * The registrar and stateful proxy behind {@code parley registrar}, for local testing and the demo.
 *
 * <ul>
 *   <li>{@link dev.parley.cli.registrar.RegistrarNode}: a running server on real sockets (UDP and TCP
 *       on one port); {@link dev.parley.cli.registrar.RegistrarServer} is its transaction user and
 *       can run on any {@code TransactionStack}, e.g. over {@code InMemoryNetwork} in virtual time.</li>
 *   <li>{@code Registrar} (RFC 3261 §10.3) with {@code DigestVerifier} and {@code NonceTable}
 *       (RFC 7616, RFC 8760) and the {@code LocationService}.</li>
 *   <li>{@code ProxyCore}, {@code ProxyRouting} and {@code ResponseRelay} (RFC 3261 §16): one target
 *       per request, Record-Route, loose routing, CANCEL.</li>
 * </ul>
 *
 * <p><b>Threads.</b> Everything but {@code RegistrarNode} is confined to the event loop thread of
 * the stack it serves; {@code RegistrarNode#query} runs a question on that thread.
 */
package dev.parley.cli.registrar;
