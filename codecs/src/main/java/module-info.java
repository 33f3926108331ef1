/** G.711, G.722, packet loss concealment, resampling, tones, WAV. */
module dev.parley.codecs {
    exports dev.parley.codecs;
}
