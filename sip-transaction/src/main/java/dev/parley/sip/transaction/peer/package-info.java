/**
 * Scriptable peers built on the transaction layer, for tests, interop runs, the load run and the
 * demo: {@link dev.parley.sip.transaction.peer.AnsweringUas}, {@link
 * dev.parley.sip.transaction.peer.CallingUac} and {@link dev.parley.sip.transaction.peer.SipNode}.
 * They are deliberately minimal (no SDP, no dialog state beyond what a call needs); the user agent
 * proper lives in {@code ua-core}.
 */
package dev.parley.sip.transaction.peer;
