/**
 * The RFC 3261 transaction layer (§17, updated by RFC 6026): the four state machines, transaction
 * matching, CANCEL, and the binding to real messages and bytes.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.parley.sip.transaction.InviteClientTransaction} (Figure 5),
 *       {@link dev.parley.sip.transaction.NonInviteClientTransaction} (Figure 6),
 *       {@link dev.parley.sip.transaction.InviteServerTransaction} (Figure 7),
 *       {@link dev.parley.sip.transaction.NonInviteServerTransaction} (Figure 8): one file each, an
 *       {@code enum State} and one {@code on(event)} method; {@code describe()} shows the state and
 *       the pending timers.</li>
 *   <li>{@link dev.parley.sip.transaction.TransactionLayer}: matching (§17.1.3, §17.2.3 with the
 *       RFC 2543 fallback), CANCEL (§9.2), bounded tables. Generic over the message types through
 *       {@link dev.parley.sip.transaction.MessageOps}, so the machines are tested on plain records.</li>
 *   <li>{@link dev.parley.sip.transaction.TransactionStack}: the layer over {@code sip-message}
 *       messages and a byte transport (§18 receive rules, RFC 3581); it sends a request to the
 *       hop {@link dev.parley.sip.transport.NextHop} names, moves a request over 1300 bytes from UDP
 *       to TCP and back to UDP when that connection fails (§18.1.1).</li>
 *   <li>Memory: a transaction in a long-lived state (INVITE Accepted, non-INVITE Completed, 64·T1
 *       over UDP) keeps its messages in the compact form {@link dev.parley.sip.transaction.MessageOps#retainRequest}
 *       gives (for {@code sip-message}: the wire bytes), not the parsed views.</li>
 *   <li>Time: {@link dev.parley.sip.transaction.Clock}, {@link dev.parley.sip.transaction.Scheduler},
 *       the hashed {@link dev.parley.sip.transaction.TimerWheel} (O(1) schedule and cancel), and
 *       {@link dev.parley.sip.transaction.VirtualTime} for tests. Timer values come from the
 *       immutable {@link dev.parley.sip.transaction.TimerConfig}.</li>
 * </ul>
 *
 * <h2>Threading model</h2>
 * <p>One event loop thread per stack ({@link dev.parley.sip.transport.EventLoop}) owns the
 * sockets, the timer wheel, the transaction tables and every transaction. Socket reads, timer
 * expiries, transaction state changes and every TU callback ({@link
 * dev.parley.sip.transaction.TransactionUser}, {@link dev.parley.sip.transaction.ClientTransaction.Listener})
 * run on that thread, one at a time, so neither this layer nor the TU above it needs locks.
 * Other threads hand work to the loop with {@code EventLoop.execute} (a bounded queue). Nothing in
 * this package blocks; a TU callback must not block either. Tests replace the loop with
 * {@link dev.parley.sip.transaction.VirtualTime}: the same code runs single-threaded in virtual time.
 */
package dev.parley.sip.transaction;
