package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.MediaStatistics;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/** One line of RTP/RTCP figures for one end of a call, as {@code parley demo} prints them. */
final class MediaReport {

    private MediaReport() {
    }

    /**
     * {@code alice  RTP sent 212 received 180 lost 0  jitter 0.41 ms  RTCP sent 2 received 1  rtt 0.52 ms};
     * the round trip reads "n/a" until an RTCP report about our packets came back (RFC 3550 §6.4.1).
     */
    static String line(String party, Optional<MediaStatistics> stats) {
        String name = String.format(Locale.ROOT, "%-6s", party);
        if (stats.isEmpty()) {
            return name + "no media";
        }
        MediaStatistics s = stats.get();
        String rtt = s.roundTripKnown() ? String.format(Locale.ROOT, "%.2f ms", s.roundTripMillis()) : "n/a";
        return String.format(Locale.ROOT, "%sRTP sent %d received %d lost %d  jitter %.2f ms  RTCP sent %d received %d  rtt %s",
                name, s.packetsSent(), s.packetsReceived(), s.packetsLost(), s.jitterMillis(), s.rtcpSent(),
                s.rtcpReceived(), rtt);
    }

    /** One call's two ends, printed as a title line and one figure line per end. */
    record CallFigures(String title, Call caller, Call callee, String callerName, String calleeName) {
        void print(PrintStream out) {
            out.println("  " + title + " [" + DemoScenario.shortId(caller) + "] "
                    + caller.codec().map(c -> c.encodingName()).orElse(""));
            out.println("    " + line(callerName, caller.mediaStatistics()));
            out.println("    " + line(calleeName, callee.mediaStatistics()));
        }
    }
}
