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
    static MediaSection parse(byte[] b, int v, int e, int maxFormats, SdpLines lines) {
        long media = Tokens.next(b, v, e);
        long port = Tokens.after(media, b, e);
        long proto = Tokens.after(port, b, e);
        long first = Tokens.after(proto, b, e);
        int n = 0;
        for (long f = first; f != Tokens.NONE; f = Tokens.after(f, b, e)) {
            if (++n > maxFormats) {
                throw lines.error(Reason.TOO_LARGE);
            }
        }
        if (n == 0) {
            throw lines.error(Reason.BAD_MEDIA);
        }
        int ps = Tokens.start(port);
        int pe = Tokens.end(port);
        int slash = ps;
        while (slash < pe && b[slash] != '/') {
            slash++;
        }
        long number = Ascii.number(b, ps, slash, 5);
        long count = slash < pe ? Ascii.number(b, slash + 1, pe, 5) : 0;
        if (number < 0 || number > 65_535 || count < 0 || (slash < pe && count == 0)) {
            throw lines.error(Reason.BAD_PORT);
        }
        String protoText = Tokens.text(b, proto);
        return new MediaSection(Tokens.text(b, media), (int) number, (int) count, protoText,
                formats(b, e, first, n, MediaDescription.isRtpProto(protoText), lines));
    }

    /** The {@code n} formats from token {@code f} on; with an RTP profile each must be a payload type. */
    private static List<String> formats(byte[] b, int e, long f, int n, boolean rtp, SdpLines lines) {
        String[] formats = new String[n];
        for (int i = 0; i < n; i++, f = Tokens.after(f, b, e)) {
            if (rtp) {
                // RFC 3551 §3 / RFC 8866 §5.14: with an RTP profile each format is a payload type 0..127.
                long pt = Tokens.number(b, f, 3);
                if (pt < 0 || pt > 127) {
                    throw lines.error(Reason.BAD_PAYLOAD_TYPE);
                }
                formats[i] = Ascii.decimal(b, Tokens.start(f), Tokens.end(f), (int) pt);
            } else {
                formats[i] = Tokens.text(b, f);
            }
        }
        return Items.exactList(formats, n);
    }

    MediaDescription build(List<Attribute> attributes) {
        return new MediaDescription(media, port, portCount, proto, formats,
                information, connection, Items.list(bandwidths), key, attributes, Items.list(unknown));
    }
}
