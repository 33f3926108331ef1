/**
 * RFC 3550 RTP and RTCP, the NIO media engine, the jitter buffer and RFC 4733 telephone events.
 *
 * <p><b>Threads.</b> Packet types, statistics, the jitter buffer and {@link dev.parley.rtp.RtpSession}
 * are single-threaded and never block: a session is driven by {@code tick(now)} once per ptime and
 * {@code receive(...)} per datagram, with the clock, the random source and the packet output
 * injected. {@link dev.parley.rtp.MediaEngine} runs a fixed number of selector threads
 * ({@code parley-media-N}); each stream lives on one of them, where its sockets are read, its
 * ticks are paced, and its {@link dev.parley.rtp.AudioSource}, {@link dev.parley.rtp.AudioSink}
 * and {@link dev.parley.rtp.SessionListener} are called. {@link dev.parley.rtp.MediaStream} is the
 * thread-safe handle: its methods post to the stream's thread through a bounded queue.
 */
package dev.parley.rtp;
