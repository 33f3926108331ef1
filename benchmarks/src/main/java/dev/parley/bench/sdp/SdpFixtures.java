package dev.parley.bench.sdp;

import dev.parley.sdp.Attribute;
import dev.parley.sdp.MediaDescription;
import dev.parley.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;

/** The descriptions the SDP benchmarks parse: what a desktop softphone sends in an INVITE. */
public final class SdpFixtures {
    /** A typical audio offer: four codecs, DTMF, ptime, an RTCP port and direction, 15 lines. */
    public static final String TYPICAL_OFFER = "v=0\r\n"
            + "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\n"
            + "s=Parley\r\n"
            + "c=IN IP4 192.0.2.10\r\n"
            + "t=0 0\r\n"
            + "m=audio 49170 RTP/AVP 0 8 9 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:9 G722/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-16\r\n"
            + "a=ptime:20\r\n"
            + "a=maxptime:150\r\n"
            + "a=rtcp:49171\r\n"
            + "a=sendrecv\r\n";

    public static final byte[] TYPICAL_OFFER_BYTES = TYPICAL_OFFER.getBytes(StandardCharsets.UTF_8);

    private SdpFixtures() {
    }

    /**
     * Parses {@code offer} and reads the name of every session and media attribute, so that lazily
     * typed attributes are all built: the whole cost for a UA that looks at all of them.
     */
    public static int parseAndTypeEveryAttribute(byte[] offer) {
        SessionDescription sd = SessionDescription.parse(offer, 0, offer.length);
        int n = sd.attributes().size();
        for (MediaDescription m : sd.media()) {
            for (Attribute a : m.attributes()) {
                n += a.attributeName().length();
            }
        }
        return n;
    }
}
