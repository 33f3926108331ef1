/** RFC 3261 transports (§18) and transactions (§17). */
module dev.parley.sip.transaction {
    requires transitive dev.parley.sip.message;
    exports dev.parley.sip.transport;
    exports dev.parley.sip.transaction;
    exports dev.parley.sip.transaction.peer;
}
