/** The parley command line softphone. */
module dev.parley.cli {
    requires dev.parley.ua;
    requires dev.parley.sip.message;
    requires dev.parley.sdp;
    requires dev.parley.codecs;
    exports dev.parley.cli;
}
