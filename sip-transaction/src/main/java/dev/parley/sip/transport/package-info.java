/**
 * SIP transports (RFC 3261 §18) on NIO, and an in-memory network for tests.
 *
 * <ul>
 *   <li>{@link dev.parley.sip.transport.EventLoop}: the single thread of a stack (selector, task
 *       queue, timer wheel); see the threading model in {@link dev.parley.sip.transaction}.</li>
 *   <li>{@link dev.parley.sip.transport.UdpTransport}: one non-blocking socket per stack; requests
 *       and responses leave from the listening port.</li>
 *   <li>{@link dev.parley.sip.transport.NextHop}: where a request goes (RFC 3261 §8.1.2, RFC 3263
 *       §4 without DNS): {@code transport} parameter, {@code sips:} → TLS, {@code maddr}, default
 *       port 5060/5061.</li>
 *   <li>{@link dev.parley.sip.transport.TcpTransport}: TCP and TLS connections, reused per remote
 *       address, idle timeout, CRLF keep-alive pongs.</li>
 *   <li>{@link dev.parley.sip.transport.InMemoryNetwork}: seeded loss, duplication, delay and
 *       reordering over a {@link dev.parley.sip.transaction.Scheduler}, for tests and demos.</li>
 * </ul>
 */
package dev.parley.sip.transport;
