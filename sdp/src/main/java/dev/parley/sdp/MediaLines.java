package dev.parley.sdp;

import java.util.ArrayList;
import java.util.List;

/** Builds the m= sections of offers and answers (RFC 3264 §5.1 and §6.1). */
final class MediaLines {
    private static final Attribute.RtcpMux RTCP_MUX = new Attribute.RtcpMux();

    private MediaLines() {
    }

    /**
     * An active m= line listing {@code codecs} (already numbered) in order, with an rtpmap for
     * each, their fmtp, the capability's ptime and rtcp-mux, and the direction unless sendrecv.
     */
    static MediaDescription active(MediaCapability cap, int port, List<Codec> codecs, Direction direction,
                                   boolean rtcpMux) {
        List<String> formats = new ArrayList<>(codecs.size());
        List<Attribute> attributes = new ArrayList<>(codecs.size() * 2 + 3);
        for (Codec c : codecs) {
            formats.add(Integer.toString(c.payloadType()));
            // RFC 8866 §6.6: rtpmap is optional for static types, but listing it costs little and helps peers.
            attributes.add(c.rtpmap());
        }
        for (Codec c : codecs) {
            if (c.fmtp() != null) {
                attributes.add(new Attribute.Fmtp(Integer.toString(c.payloadType()), c.fmtp()));
            }
        }
        if (cap.ptime() > 0) {
            attributes.add(new Attribute.Ptime(cap.ptime()));
        }
        if (rtcpMux) {
            attributes.add(RTCP_MUX);
        }
        if (direction != Direction.SENDRECV) {
            attributes.add(direction);
        }
        return MediaDescription.of(cap.media(), port, cap.proto(), formats, attributes);
    }

    /**
     * RFC 3264 §6: a rejected stream is answered with port 0, same media and transport, and at
     * least one format; the offer's first format is kept, with its rtpmap if the offer had one.
     */
    static MediaDescription rejected(MediaDescription offered) {
        String first = offered.formats().get(0);
        List<Attribute> attributes = new ArrayList<>(1);
        for (Attribute a : offered.attributes()) {
            if (a instanceof Attribute.Rtpmap r && Integer.toString(r.payloadType()).equals(first)) {
                attributes.add(r);
                break;
            }
        }
        return MediaDescription.of(offered.media(), 0, offered.proto(), List.of(first), attributes);
    }

    /**
     * The codecs of {@code cap} that the offered stream also lists, in local preference order,
     * each numbered as the offer numbers it: RFC 3264 §6.1 matches formats by name, clock rate
     * and channels, and the answer SHOULD reuse the offer's payload type numbers.
     * {@code preferred}, if not null and offered, goes first so a re-answer keeps the same codec.
     */
    static List<Codec> common(MediaDescription offered, MediaCapability cap, Codec preferred, boolean oneCodec) {
        List<Codec> voice = new ArrayList<>(cap.codecs().size());
        Codec events = null;
        for (Codec local : cap.codecs()) {
            Codec match = offeredAs(offered, local);
            if (match == null) {
                continue;
            }
            if (local.isTelephoneEvent()) {
                if (events == null) {
                    events = match;
                }
            } else if (preferred != null && local.sameFormat(preferred)) {
                voice.add(0, match);
            } else {
                voice.add(match);
            }
        }
        if (oneCodec && voice.size() > 1) {
            voice = new ArrayList<>(voice.subList(0, 1));
        }
        if (events != null) {
            voice.add(events);
        }
        return voice;
    }

    /** {@code local} numbered as the offered stream lists it, or null if the stream does not list it. */
    private static Codec offeredAs(MediaDescription offered, Codec local) {
        for (String format : offered.formats()) {
            // RFC 3551 §6: static payload types are understood without an rtpmap.
            if (local.matches(offered.rtpmap(format))) {
                int pt = MediaDescription.payloadTypeOf(format);
                if (pt >= 0) {
                    return local.withPayloadType(pt);
                }
            }
        }
        return null;
    }

    /**
     * Numbers {@code codecs} for an offer: a number used before in this session wins (RFC 3264
     * §8.3.2: a dynamic mapping must not change), then the codec's own, then a free dynamic one.
     */
    static List<Codec> numbered(List<Codec> codecs, java.util.function.Function<Codec, Integer> previous) {
        boolean[] used = new boolean[128];
        List<Codec> out = new ArrayList<>(codecs.size());
        for (Codec c : codecs) {
            Integer before = previous.apply(c);
            int pt = before != null && !used[before] ? before : c.payloadType();
            if (used[pt]) {
                pt = 96;
                while (pt < 128 && used[pt]) {
                    pt++;
                }
                if (pt == 128) {
                    continue; // RFC 3551 §3: only 32 dynamic numbers exist; the rest are left out.
                }
            }
            used[pt] = true;
            out.add(c.withPayloadType(pt));
        }
        return out;
    }
}
