package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallState;
import dev.parley.ua.DtmfEvent;
import dev.parley.ua.PhoneError;
import dev.parley.ua.PhoneLine;
import dev.parley.ua.PhoneListener;
import dev.parley.ua.RegistrationStatus;
import dev.parley.ua.TransferProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@code --events json}: one JSON object per line on standard output for each phone event, for
 * scripts and test harnesses. Event names: registered, registering, unregistered,
 * registration_failed, incoming, calling, ringing, early_media, answered, held, resumed, dtmf,
 * transfer (progress of a transfer, RFC 3515 NOTIFY), transferred (the peer transferred us: the new
 * call), ended, error. {@code parley conference} adds joined and left ({@link ConferenceEvents});
 * Ctrl-C or SIGTERM adds interrupted ({@link PhoneSession#interrupted}).
 */
final class JsonEventPrinter implements PhoneListener {
    private final PrintStream out;
    private final LongSupplier clockMillis;

    JsonEventPrinter(PrintStream out, LongSupplier clockMillis) {
        this.out = out;
        this.clockMillis = clockMillis;
    }

    private void emit(JsonLine line) {
        synchronized (out) {
            out.println(line);
        }
    }

    private JsonLine event(String name) {
        return JsonLine.event(name, clockMillis.getAsLong());
    }

    @Override
    public void onRegistrationChanged(PhoneLine line, RegistrationStatus status) {
        String name = switch (status.state()) {
            case REGISTERED -> "registered";
            case REGISTERING -> "registering";
            case UNREGISTERING -> "unregistering";
            case UNREGISTERED -> "unregistered";
            case FAILED -> "registration_failed";
        };
        emit(event(name).add("line", line.config().addressOfRecord()).add("status", status.statusCode())
                .add("reason", status.reason()).add("expires", status.expiresSeconds()));
    }

    @Override
    public void onIncomingCall(Call call) {
        emit(callEvent("incoming", call).add("from", call.remote().uri()).add("from_name", call.remote().displayName())
                .add("to", call.local().uri()));
    }

    @Override
    public void onCallStateChanged(Call call, CallState state) {
        switch (state) {
            case CALLING -> emit(callEvent("calling", call).add("to", call.remote().uri()));
            case RINGING -> emit(callEvent("ringing", call));
            case EARLY_MEDIA -> emit(callEvent("early_media", call));
            case CONNECTED -> emit(callEvent("answered", call)
                    .add("codec", call.codec().map(c -> c.encodingName() + "/" + c.rtpClockRate()).orElse(null)));
            case LOCAL_HOLD -> emit(callEvent("held", call).add("by", "local"));
            case REMOTE_HOLD -> emit(callEvent("held", call).add("by", "remote"));
            case ENDED -> {
                CallEnd end = call.end().orElse(CallEnd.of(dev.parley.ua.EndCause.PHONE_CLOSED, "unknown"));
                emit(callEvent("ended", call).add("cause", end.cause().name().toLowerCase(Locale.ROOT))
                        .add("status", end.statusCode()).add("reason", end.reason()));
                // The call's final RTP/RTCP figures (RFC 3550 §6.4), once per call that had media.
                call.mediaStatistics().ifPresent(m -> emit(callEvent("media", call)
                        .add("rtp_sent", m.packetsSent()).add("rtp_received", m.packetsReceived())
                        .add("rtp_lost", m.packetsLost()).add("jitter_ms", m.jitterMillis())
                        .add("rtt_ms", m.roundTripKnown() ? m.roundTripMillis() : Double.NaN)
                        .add("rtcp_sent", m.rtcpSent()).add("rtcp_received", m.rtcpReceived())));
            }
            case IDLE, INCOMING -> {
                // IDLE is never reported; INCOMING is reported by onIncomingCall.
            }
        }
    }

    @Override
    public void onDtmf(Call call, DtmfEvent event) {
        emit(callEvent("dtmf", call).add("digit", String.valueOf(event.digit())).add("duration_ms", event.durationMillis()));
    }

    @Override
    public void onTransferProgress(Call call, TransferProgress progress) {
        emit(callEvent("transfer", call).add("status", progress.statusCode()).add("reason", progress.reason())
                .add("finished", progress.finished()).add("succeeded", progress.succeeded()));
    }

    @Override
    public void onCallTransferred(Call previous, Call replacement) {
        emit(callEvent("transferred", previous).add("new_call", replacement.id()).add("to", replacement.remote().uri()));
    }

    @Override
    public void onError(PhoneError error) {
        emit(event("error").add("where", error.where()).add("message", error.message()));
    }

    private JsonLine callEvent(String name, Call call) {
        return event(name).add("call", call.id()).add("line", call.line().config().addressOfRecord());
    }
}
