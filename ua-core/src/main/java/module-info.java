/** The softphone API: phones, lines, calls, registration, dialogs, media wiring. */
module dev.parley.ua {
    requires transitive dev.parley.sip.transaction;
    requires transitive dev.parley.sdp;
    requires transitive dev.parley.rtp;
    requires transitive dev.parley.codecs;
    exports dev.parley.ua;
    // The registrar of the parley command verifies digest credentials with the same code.
    exports dev.parley.ua.internal.auth to dev.parley.cli;
}
