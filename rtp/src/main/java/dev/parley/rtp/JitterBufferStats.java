package dev.parley.rtp;

/**
 * A snapshot of a {@link JitterBuffer}'s counters.
 *
 * @param currentDelayNanos time the last played frame waited in the buffer
 * @param averageDelayNanos mean wait of all played frames
 * @param targetDelayNanos the delay the buffer currently aims for, beyond the fastest packets
 * @param received packets accepted into the buffer
 * @param played frames played from packets
 * @param late packets that arrived after their frame was played (dropped)
 * @param lost frames concealed inside a talkspurt (counted when the next real frame plays)
 * @param concealed frames produced by the codec's concealment (loss, underrun, delay growth)
 * @param discarded duplicates and frames dropped to shrink the delay
 * @param overflow packets dropped because they were too far ahead or too large
 * @param resyncs timestamp jumps and new sources that restarted the buffer
 */
public record JitterBufferStats(long currentDelayNanos, long averageDelayNanos, long targetDelayNanos,
        long received, long played, long late, long lost, long concealed, long discarded, long overflow,
        long resyncs) {
}
