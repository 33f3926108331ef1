package dev.parley.sdp.internal;

import dev.parley.sdp.Attribute;
import dev.parley.sdp.Bandwidth;
import dev.parley.sdp.Connection;
import dev.parley.sdp.MediaDescription;
import dev.parley.sdp.SdpParseException.Reason;
import dev.parley.sdp.UnknownLine;
import java.util.List;

/** A media section being filled by {@link SdpParser}. */
final class MediaSection {
    final String media;
    final int port;
    final int portCount;
    final String proto;
    final List<String> formats;
    String information;
    Connection connection;
    Items<Bandwidth> bandwidths;
    String key;
    Items<UnknownLine> unknown;
    int lines;

    private MediaSection(String media, int port, int portCount, String proto, List<String> formats) {
        this.media = media;
        this.port = port;
        this.portCount = portCount;
        this.proto = proto;
        this.formats = formats;
    }

    /** RFC 8866 §5.14: m=media SP port[/number of ports] SP proto 1*(SP fmt), from {@code b[v..e)}. */
    static MediaSection parse(byte[] b, int v, int e, Fields fields, int maxFormats, SdpLines lines) {
        int n = fields.split(b, v, e, maxFormats + 3);
        if (n < 0) {
            throw lines.error(Reason.TOO_LARGE);
        }
        if (n < 4) {
            throw lines.error(Reason.BAD_MEDIA);
        }
        int ps = fields.start[1];
        int pe = fields.end[1];
        int slash = ps;
        while (slash < pe && b[slash] != '/') {
            slash++;
        }
        long port = Ascii.number(b, ps, slash, 5);
        long count = slash < pe ? Ascii.number(b, slash + 1, pe, 5) : 0;
        if (port < 0 || port > 65_535 || count < 0 || (slash < pe && count == 0)) {
            throw lines.error(Reason.BAD_PORT);
        }
        String proto = fields.text(b, 2);
        boolean rtp = MediaDescription.isRtpProto(proto);
        String[] formats = new String[n - 3];
        for (int i = 3; i < n; i++) {
            if (rtp) {
                // RFC 3551 §3 / RFC 8866 §5.14: with an RTP profile each format is a payload type 0..127.
                long pt = fields.number(b, i, 3);
                if (pt < 0 || pt > 127) {
                    throw lines.error(Reason.BAD_PAYLOAD_TYPE);
                }
            }
            formats[i - 3] = fields.text(b, i);
        }
        return new MediaSection(fields.text(b, 0), (int) port, (int) count, proto, Items.exactList(formats, n - 3));
    }

    MediaDescription build(List<Attribute> attributes) {
        return new MediaDescription(media, port, portCount, proto, formats,
                information, connection, Items.list(bandwidths), key, attributes, Items.list(unknown));
    }
}
