package dev.parley.sip.transaction;

/** What every transaction of one stack shares: time, timer values, message operations, the wire, the TU. */
record TransactionContext<Q, S>(Scheduler scheduler, TimerConfig timers, MessageOps<Q, S> ops,
                                MessageSender<Q, S> sender, TransactionUser<Q, S> tu) {
}
