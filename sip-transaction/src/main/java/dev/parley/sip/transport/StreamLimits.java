package dev.parley.sip.transport;

import dev.parley.sip.message.ParserLimits;

/**
 * Bounds of a stream transport.
 *
 * @param parser          framing limits (largest message)
 * @param maxConnections  open connections at most; further accepts are closed at once
 * @param maxQueuedBytes  bytes waiting to be written per connection; a send beyond fails
 * @param idleMillis      a connection with no traffic for this long is closed
 */
public record StreamLimits(ParserLimits parser, int maxConnections, int maxQueuedBytes, long idleMillis) {

    /** 1,024 connections, 1 MiB queued each, closed after 2 minutes idle. */
    public static final StreamLimits DEFAULT = new StreamLimits(ParserLimits.DEFAULT, 1024, 1 << 20, 120_000);

    public StreamLimits {
        if (maxConnections < 1 || maxQueuedBytes < 1024 || idleMillis < 1) {
            throw new IllegalArgumentException("bad stream limits");
        }
    }
}
