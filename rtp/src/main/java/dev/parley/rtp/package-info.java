/**
 * RFC 3550 RTP and RTCP, the NIO media engine, the jitter buffer and RFC 4733 telephone events.
 */
package dev.parley.rtp;
