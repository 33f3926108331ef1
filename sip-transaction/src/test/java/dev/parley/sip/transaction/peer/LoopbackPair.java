package dev.parley.sip.transaction.peer;

import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transaction.VirtualTime;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.InMemoryNetwork;
import dev.parley.sip.transport.TransportKind;
import java.util.SplittableRandom;

/** A calling UAC and an answering UAS, each on its own stack, over an in-memory network in virtual time. */
final class LoopbackPair {

    static final Endpoint UAS = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5060);
    static final Endpoint UAC = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5061);

    final VirtualTime time = new VirtualTime();
    final InMemoryNetwork<byte[]> network;
    final AnsweringUas uas;
    final CallingUac uac;
    final TransactionStack uasStack;
    final TransactionStack uacStack;

    LoopbackPair(long seed, long ringMillis) {
        TimerConfig timers = TimerConfig.DEFAULT;
        network = new InMemoryNetwork<>(time, seed, 100_000);
        uas = new AnsweringUas(time, timers, UAS.address(), ringMillis, 10_000);
        uac = new CallingUac(time, UAC.address(), 1_000);
        TransactionStack[] holder = new TransactionStack[2];
        InMemoryNetwork<byte[]>.Port uasPort = network.bind(UAS, (d, from) -> holder[0].receiveDatagram(d, 0, d.length, from));
        InMemoryNetwork<byte[]>.Port uacPort = network.bind(UAC, (d, from) -> holder[1].receiveDatagram(d, 0, d.length, from));
        uasStack = new TransactionStack(time, timers, ParserLimits.DEFAULT, uasPort::send, uas, UAS.address(),
                new SplittableRandom(seed), 100_000);
        uacStack = new TransactionStack(time, timers, ParserLimits.DEFAULT, uacPort::send, uac, UAC.address(),
                new SplittableRandom(seed + 1), 100_000);
        holder[0] = uasStack;
        holder[1] = uacStack;
    }

    /** Places {@code calls} calls, one every {@code spacingMillis}. */
    void placeCalls(int calls, long spacingMillis) {
        for (int i = 0; i < calls; i++) {
            uac.call(uacStack, UAS, "bob");
            time.advance(spacingMillis);
        }
    }
}
