package dev.parley.ua.internal.phone;

import dev.parley.codecs.AudioCodec;
import dev.parley.sip.transaction.TimerConfig;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The immutable configuration of one phone, as the {@code SoftPhone} builder assembled it.
 *
 * @param userAgent   the User-Agent and Server header value
 * @param timers      SIP timers (T1, T2, T4…)
 * @param codecs      audio codecs in preference order
 * @param rtpMinPort  lowest RTP port
 * @param rtpMaxPort  highest RTP port
 * @param maxCalls    bound on simultaneous calls (and dialogs); more are answered 486 / refused
 * @param telephoneEvent whether our SDP offers RFC 4733 telephone-event (else DTMF goes by SIP INFO)
 * @param random      source of tags, branches, Call-IDs, SSRCs and cnonces
 * @param ringTimeoutMillis how long an outgoing INVITE may go unanswered before it is cancelled; 0 = no limit
 * @param maxRedirects how many 3xx redirections one outgoing call follows (RFC 3261 §8.1.3.4); 0 = none
 */
public record PhoneSettings(String userAgent, TimerConfig timers, List<AudioCodec> codecs, int rtpMinPort,
                            int rtpMaxPort, int maxCalls, boolean telephoneEvent, RandomGenerator random,
                            int maxRedirects, long ringTimeoutMillis) {

    public PhoneSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(random, "random");
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("a phone needs at least one codec");
        }
        if (rtpMinPort < 1024 || rtpMaxPort > 65534 || rtpMaxPort < rtpMinPort + 1) {
            throw new IllegalArgumentException("RTP port range " + rtpMinPort + "-" + rtpMaxPort);
        }
        if (maxRedirects < 0 || maxRedirects > RedirectTargets.MAX_TARGETS - 1) {
            throw new IllegalArgumentException("maxRedirects " + maxRedirects + " (0 to " + (RedirectTargets.MAX_TARGETS - 1) + ")");
        }
        if (ringTimeoutMillis < 0) {
            throw new IllegalArgumentException("ringTimeoutMillis " + ringTimeoutMillis);
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls " + maxCalls);
        }
    }
}
