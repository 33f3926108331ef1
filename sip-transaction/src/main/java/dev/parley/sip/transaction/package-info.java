/**
 * RFC 3261 §17 transactions: the four state machines, matching, and the timers that drive them.
 */
package dev.parley.sip.transaction;
