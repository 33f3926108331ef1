/** RFC 3550 RTP/RTCP, the media engine, the jitter buffer, RFC 4733 events. */
module dev.parley.rtp {
    requires transitive dev.parley.codecs;
    exports dev.parley.rtp;
    // dev.parley.rtp.internal (tick schedule, port allocator) stays unexported.
}
