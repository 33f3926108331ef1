package dev.parley.sdp.internal;

import dev.parley.sdp.Attribute;
import dev.parley.sdp.Bandwidth;
import dev.parley.sdp.Connection;
import dev.parley.sdp.MediaDescription;
import dev.parley.sdp.UnknownLine;

/** A media section being filled by {@link SdpParser}. */
final class MediaSection {
    final String media;
    final int port;
    final int portCount;
    final String proto;
    final String[] formats;
    String information;
    Connection connection;
    Items<Bandwidth> bandwidths;
    String key;
    Items<UnknownLine> unknown;
    int lines;

    MediaSection(String media, int port, int portCount, String proto, int formatCount) {
        this.media = media;
        this.port = port;
        this.portCount = portCount;
        this.proto = proto;
        this.formats = new String[formatCount];
    }

    MediaDescription build(java.util.List<Attribute> attributes) {
        return new MediaDescription(media, port, portCount, proto, Items.exactList(formats, formats.length),
                information, connection, Items.list(bandwidths), key, attributes, Items.list(unknown));
    }
}
