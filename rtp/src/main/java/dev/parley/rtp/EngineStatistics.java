package dev.parley.rtp;

/**
 * Totals over every open stream of a {@link MediaEngine}, taken on each selector thread in turn.
 *
 * @param streams open streams
 * @param packetsSent RTP packets sent
 * @param packetsReceived RTP packets accepted (after RFC 3550 §A.1 probation)
 * @param datagramsDropped received datagrams dropped, all reasons (probation included)
 * @param sendFailures datagrams not sent: socket buffer full or I/O error
 * @param ticksSkipped ptime ticks skipped because a selector thread fell more than
 *     {@code TickSchedule.MAX_BEHIND} periods behind
 * @param applicationErrors exceptions thrown by audio sources, sinks and listeners (each logged once
 *     per stream; the stream carries on)
 */
public record EngineStatistics(int streams, long packetsSent, long packetsReceived, long datagramsDropped,
        long sendFailures, long ticksSkipped, long applicationErrors) {

    EngineStatistics plus(EngineStatistics o) {
        return new EngineStatistics(streams + o.streams, packetsSent + o.packetsSent,
                packetsReceived + o.packetsReceived, datagramsDropped + o.datagramsDropped,
                sendFailures + o.sendFailures, ticksSkipped + o.ticksSkipped,
                applicationErrors + o.applicationErrors);
    }
}
