/**
 * The softphone API: a {@link dev.parley.ua.SoftPhone} with {@link dev.parley.ua.PhoneLine lines}
 * (SIP accounts that register with digest authentication) and {@link dev.parley.ua.Call calls}
 * whose audio comes from an {@link dev.parley.ua.AudioSource} and goes to an
 * {@link dev.parley.ua.AudioSink}. A {@link dev.parley.ua.Conference} mixes several calls of a
 * phone so that each hears the others (N−1 mixing on the media thread).
 *
 * <p><b>Threads.</b> Each phone has one SIP thread ({@code parley-sip-N}) that runs all protocol
 * state, one media thread of module {@code rtp} that calls sources and sinks every 20 ms, and one
 * event thread ({@code parley-events-N}) that runs every {@link dev.parley.ua.PhoneListener}
 * method and completes every {@link java.util.concurrent.CompletionStage} returned here. Public
 * methods are thread-safe and never block on the network; {@link dev.parley.ua.SoftPhone#close()}
 * waits, bounded, for the phone to unregister and stop. A phone built with
 * {@code inMemory(...)} has no threads and runs on the thread that drives its scheduler.
 */
package dev.parley.ua;
