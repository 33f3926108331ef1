package dev.parley.sdp.internal;

import dev.parley.sdp.SdpParseException.Reason;
import dev.parley.sdp.Timing;
import java.util.List;

/** The session's {@code t=} lines, each with the {@code r=} lines that follow it (RFC 8866 §5.9, §5.10). */
final class TimingLines {
    private Items<Timing> timings;
    private boolean open;
    private long start;
    private long stop;
    private Items<String> repeats;

    /** RFC 8866 §5.9: t=start-time SP stop-time, both decimal NTP seconds. */
    void time(byte[] b, int v, int e, Fields fields, SdpLines lines) {
        close();
        if (fields.split(b, v, e, 2) != 2) {
            throw lines.error(Reason.BAD_TIMING);
        }
        start = fields.number(b, 0, 18);
        stop = fields.number(b, 1, 18);
        if (start < 0 || stop < 0) {
            throw lines.error(Reason.BAD_TIMING);
        }
        open = true;
    }

    /** RFC 8866 §5.10: r= repeats the t= line just before it; kept as written. */
    void repeat(byte[] b, int v, int e, int max, SdpLines lines) {
        if (!open) {
            throw lines.error(Reason.BAD_TIMING);
        }
        repeats = Items.orNew(repeats);
        if (repeats.size() >= max) {
            throw lines.error(Reason.TOO_LARGE);
        }
        repeats.add(Ascii.text(b, v, e));
    }

    /** The t= lines read, in order. */
    List<Timing> toList() {
        close();
        return Items.list(timings);
    }

    private void close() {
        if (open) {
            boolean permanent = start == 0 && stop == 0 && repeats == null;
            (timings = Items.orNew(timings)).add(permanent ? Timing.PERMANENT : new Timing(start, stop, Items.list(repeats)));
            open = false;
            repeats = null;
        }
    }
}
