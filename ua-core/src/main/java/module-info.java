/** The softphone API: phones, lines, calls, registration, dialogs, media wiring. */
module dev.parley.ua {
    requires transitive dev.parley.sip.transaction;
    requires transitive dev.parley.sdp;
    requires transitive dev.parley.rtp;
    requires transitive dev.parley.codecs;
    exports dev.parley.ua;
}
