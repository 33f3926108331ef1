/** RFC 3261 message layer: model, parser, serializer. */
module dev.parley.sip.message {
    exports dev.parley.sip.message;
}
