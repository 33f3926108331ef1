package dev.parley.ua.internal.phone;

import dev.parley.codecs.AudioCodec;
import dev.parley.rtp.MediaConfig;
import dev.parley.rtp.SessionListener;
import dev.parley.rtp.SessionStatistics;
import dev.parley.sdp.NegotiatedMedia;
import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import dev.parley.ua.internal.net.MediaLeg;
import java.net.InetSocketAddress;
import java.util.function.IntConsumer;

/**
 * The media of one call: a {@link MediaLeg} from the runtime (RTP port and session of module
 * {@code rtp}) configured from the negotiated SDP, with adapters that pull the call's
 * {@link AudioSource} and push to its {@link AudioSink} each 20 ms. Source and sink may be swapped
 * at any time from any thread; they are used on the media thread. Packets always carry 20 ms
 * (our SDP asks for a=ptime:20).
 */
final class CallMedia {

    static final int PTIME_MILLIS = 20;

    private final MediaLeg leg;
    private volatile AudioSource source;
    private volatile AudioSink sink;
    private volatile AudioCodec codec;
    private volatile boolean closed;
    private volatile boolean telephoneEvents;
    private volatile SessionStatistics last;
    /** While the call is in a conference: where its audio goes instead of its own source and sink. */
    private volatile dev.parley.ua.internal.media.MixLeg conference;

    CallMedia(PhoneCore core, String cname, IntConsumer onDtmf) {
        SessionListener listener = new SessionListener() {
            @Override
            public void onTelephoneEvent(int event, int durationMillis) {
                onDtmf.accept(event << 16 | Math.min(durationMillis, 0xFFFF));
            }
        };
        this.leg = core.runtime().openMedia(cname, this::readSource, this::writeSink, listener);
    }

    int localPort() {
        return leg.localRtpPort();
    }

    AudioCodec codec() {
        return codec;
    }

    void source(AudioSource s) {
        AudioSource old = source;
        source = s;
        if (old != null && old != s) {
            old.close();
        }
    }

    void sink(AudioSink s) {
        AudioSink old = sink;
        sink = s;
        if (old != null && old != s) {
            old.close();
        }
    }

    /** Takes {@code other}'s source and sink where this media has none; {@code other} keeps nothing of them. */
    void takeAudioFrom(CallMedia other) {
        if (source == null && other.source != null) {
            source = other.source;
            other.source = null;
        }
        if (sink == null && other.sink != null) {
            sink = other.sink;
            other.sink = null;
        }
    }

    /** The codec an exchange agreed on before media may flow (an incoming call still ringing). */
    void expectCodec(AudioCodec audioCodec) {
        codec = audioCodec;
    }

    /** The call joins a conference: its own source and sink are paused (kept) until it leaves. */
    void joinConference(dev.parley.ua.internal.media.MixLeg leg) {
        conference = leg;
    }

    /** The call leaves the conference of {@code leg} (if it is still in that one): its own audio resumes. */
    void leaveConference(dev.parley.ua.internal.media.MixLeg leg) {
        if (conference == leg) {
            conference = null;
        }
    }

    /** Applies a negotiated stream (first answer or a re-INVITE); media starts flowing. */
    void configure(NegotiatedMedia m, AudioCodec audioCodec) {
        if (closed) {
            return;
        }
        codec = audioCodec;
        telephoneEvents = m.telephoneEventPayloadType() >= 0;
        InetSocketAddress rtp = new InetSocketAddress(m.remoteAddress(), m.remoteRtpPort());
        InetSocketAddress rtcp = new InetSocketAddress(m.remoteRtcpAddress(), m.remoteRtcpPort());
        // RFC 3264 §8.4: a peer that holds us (sendonly/inactive, or c=0.0.0.0) is not sent media.
        leg.configure(new MediaConfig(audioCodec, m.codec().payloadType(), m.telephoneEventPayloadType(),
                rtp, rtcp, m.rtcpMux(), PTIME_MILLIS, m.sends() && !m.remoteHold(), m.receives()));
    }

    /** Whether the peer accepted RFC 4733 telephone-event in the exchange in force. */
    boolean telephoneEvents() {
        return telephoneEvents;
    }

    /** RFC 4733: sends one DTMF event (0-15) of {@code durationMillis}; see {@link MediaLeg#sendTelephoneEvent}. */
    void sendTelephoneEvent(int event, int durationMillis) {
        if (!closed) {
            leg.sendTelephoneEvent(event, durationMillis);
        }
    }

    private boolean readSource(short[] pcm, int samples) {
        dev.parley.ua.internal.media.MixLeg c = conference;
        if (c != null) {
            c.fillToSend(pcm, samples * (1000 / PTIME_MILLIS));
            return true;
        }
        AudioSource s = source;
        if (s == null) {
            java.util.Arrays.fill(pcm, 0, samples, (short) 0);
        } else {
            s.read(pcm, samples * (1000 / PTIME_MILLIS));
        }
        return true; // silence is sent too, so the peer's jitter buffer and NAT bindings stay alive
    }

    private void writeSink(short[] pcm, int samples) {
        dev.parley.ua.internal.media.MixLeg c = conference;
        if (c != null) {
            c.received(pcm, samples * (1000 / PTIME_MILLIS));
            return;
        }
        AudioSink s = sink;
        if (s != null) {
            s.write(pcm, samples * (1000 / PTIME_MILLIS));
        }
    }

    /** Stops media, frees the ports and closes source and sink. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            last = leg.statistics(); // the final figures outlive the stream
        } catch (IllegalStateException e) {
            // Lenient: the media thread is gone (phone closing); the figures are lost, not the call's end.
        }
        leg.close();
        AudioSource s = source;
        AudioSink k = sink;
        if (s != null) {
            s.close();
        }
        if (k != null) {
            k.close();
        }
    }

    /** The session's figures: live while media runs, the last snapshot after {@link #close()} (null if none was taken). */
    SessionStatistics statistics() {
        return closed ? last : leg.statistics();
    }
}
