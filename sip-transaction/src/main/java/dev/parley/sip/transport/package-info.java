/**
 * RFC 3261 §18 transports: UDP, TCP and TLS on NIO, and an in-memory loopback transport for tests.
 */
package dev.parley.sip.transport;
