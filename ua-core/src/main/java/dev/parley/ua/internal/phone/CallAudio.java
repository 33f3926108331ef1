package dev.parley.ua.internal.phone;

import dev.parley.codecs.AudioCodec;
import dev.parley.rtp.SessionStatistics;
import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import dev.parley.ua.CallState;
import dev.parley.ua.DtmfEvent;
import dev.parley.ua.MediaStatistics;
import java.util.Optional;

/**
 * The glue between a call and its audio: the media session opened on first use, the application's
 * source and sink, RFC 4733 digits received reported as events, the figures, and the hand-over of
 * audio to a call that takes another one's place.
 */
final class CallAudio {

    /** RFC 4733 §3.2: named events 0-15 are the DTMF digits in this order. */
    private static final String DIGITS = "0123456789*#ABCD";

    private CallAudio() {
    }

    /** The call's media, opened on first use. */
    static CallMedia open(CallImpl call) {
        if (call.media == null) {
            call.media = new CallMedia(call.core, call.localParty.uri().toString(),
                    packed -> digitReceived(call, packed >>> 16, packed & 0xFFFF));
        }
        return call.media;
    }

    private static void digitReceived(CallImpl call, int event, int durationMillis) {
        if (event >= 0 && event < DIGITS.length()) {
            DtmfEvent e = new DtmfEvent(DIGITS.charAt(event), durationMillis);
            call.core.events().fire(l -> l.onDtmf(call, e));
        }
    }

    /** On the SIP thread: plays {@code source} into the call, or closes it if the call has ended. */
    static void attach(CallImpl call, AudioSource source) {
        if (call.state() == CallState.ENDED) {
            source.close();
        } else {
            open(call).source(source);
        }
    }

    /** On the SIP thread: feeds the call's audio to {@code sink}, or closes it if the call has ended. */
    static void attach(CallImpl call, AudioSink sink) {
        if (call.state() == CallState.ENDED) {
            sink.close();
        } else {
            open(call).sink(sink);
        }
    }

    static Optional<AudioCodec> codec(CallImpl call) {
        CallMedia m = call.media;
        return m == null ? Optional.empty() : Optional.ofNullable(m.codec());
    }

    static Optional<SessionStatistics> rtpStatistics(CallImpl call) {
        CallMedia m = call.media;
        return m == null ? Optional.empty() : Optional.ofNullable(m.statistics());
    }

    static Optional<MediaStatistics> mediaStatistics(CallImpl call) {
        CallMedia m = call.media;
        AudioCodec c = m == null ? null : m.codec();
        return rtpStatistics(call).map(s -> MediaFigures.of(s, c == null ? 8000 : c.rtpClockRate()));
    }

    /**
     * Gives {@code to} the audio source and sink of {@code from} where it has none of its own, so a
     * conversation goes on when a transfer or a Replaces moves it to a new call. Those are then no
     * longer closed with {@code from}.
     */
    static void handOver(CallImpl from, CallImpl to) {
        if (from.media != null) {
            open(to).takeAudioFrom(from.media);
        }
        ConferenceImpl conf = from.conference.get();
        if (conf != null) {
            conf.handOver(from, to); // the new call also takes the old one's place in its conference
        }
    }
}
