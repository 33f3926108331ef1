/** RFC 8866 session descriptions and RFC 3264 offer/answer. */
module dev.parley.sdp {
    exports dev.parley.sdp;
}
