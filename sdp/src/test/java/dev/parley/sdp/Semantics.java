package dev.parley.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an answer means, stripped of what RFC 3264 leaves to the answerer (addresses, ports,
 * payload numbers, codec order): per m= line the media, whether it is accepted, which formats and
 * which direction.
 */
record Semantics(String media, boolean accepted, Set<String> formats, Direction direction) {
    static List<Semantics> of(SessionDescription sd) {
        List<Semantics> out = new ArrayList<>();
        for (MediaDescription m : sd.media()) {
            if (m.isDisabled()) {
                out.add(new Semantics(m.media(), false, Set.of(), null));
                continue;
            }
            Set<String> formats = new TreeSet<>();
            for (String f : m.formats()) {
                Attribute.Rtpmap r = m.rtpmap(f);
                formats.add(r == null ? "?" + f : format(r.encodingName(), r.clockRate(), r.channelCount()));
            }
            out.add(new Semantics(m.media(), true, formats, sd.directionOf(m)));
        }
        return out;
    }

    static String format(String name, int clock, int channels) {
        return name.toLowerCase(Locale.ROOT) + "/" + clock + (channels == 1 ? "" : "/" + channels);
    }
}
