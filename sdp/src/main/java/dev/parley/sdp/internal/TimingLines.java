package dev.parley.sdp.internal;

import dev.parley.sdp.SdpParseException.Reason;
import dev.parley.sdp.Timing;
import java.util.List;

/** The session's {@code t=} lines, each with the {@code r=} lines that follow it (RFC 8866 §5.9, §5.10). */
final class TimingLines {
    /** {@code t=0 0} alone, the list nearly every call's description has: shared, not built. */
    private static final List<Timing> PERMANENT_ONLY = List.of(Timing.PERMANENT);

    /** The first t= line; the list is built only when there are more. */
    private Timing first;
    private Items<Timing> timings;
    private boolean open;
    private long start;
    private long stop;
    private Items<String> repeats;

    /** RFC 8866 §5.9: t=start-time SP stop-time, both decimal NTP seconds. */
    void time(byte[] b, int v, int e, SdpLines lines) {
        close();
        long first = Tokens.next(b, v, e);
        long second = Tokens.after(first, b, e);
        if (second == Tokens.NONE || Tokens.after(second, b, e) != Tokens.NONE) {
            throw lines.error(Reason.BAD_TIMING);
        }
        start = Tokens.number(b, first, 18);
        stop = Tokens.number(b, second, 18);
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
        if (timings != null) {
            return timings.toList();
        }
        if (first == null) {
            return List.of();
        }
        return first == Timing.PERMANENT ? PERMANENT_ONLY : List.of(first);
    }

    private void close() {
        if (open) {
            boolean permanent = start == 0 && stop == 0 && repeats == null;
            Timing t = permanent ? Timing.PERMANENT : new Timing(start, stop, Items.list(repeats));
            if (first == null) {
                first = t;
            } else {
                if (timings == null) {
                    timings = new Items<>();
                    timings.add(first);
                }
                timings.add(t);
            }
            open = false;
            repeats = null;
        }
    }
}
