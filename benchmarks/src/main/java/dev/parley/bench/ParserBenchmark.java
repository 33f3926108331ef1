package dev.parley.bench;

import dev.parley.bench.sip.BenchMessages;
import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParser;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SIP parsing and serialization, Parley side by side with JAIN-SIP RI (the usual Java stack)
 * and pkts.io (a lazy Java parser). One op = one message. "ParseAndRead" also reads Call-ID,
 * CSeq, the top Via branch and the From tag, since a lazy parser defers that work.
 *
 * <p>Stable names: {@code parleyParseInvite}, {@code jainSipParseInvite},
 * {@code parleyParseAndReadInvite}, {@code jainSipParseAndReadInvite},
 * {@code parleySerializeInvite}, {@code jainSipSerializeInvite}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {

    private final SipParser parley = new SipParser();
    private final StringMsgParser jain = new StringMsgParser();

    private SipMessage parleyInvite;
    private SIPMessage jainInvite;
    private SipMessage parleyRegister;
    private SIPMessage jainRegister;

    @Setup
    public void setUp() throws Exception {
        parleyInvite = parley.parse(BenchMessages.INVITE);
        jainInvite = jain.parseSIPMessage(BenchMessages.INVITE, true, false, null);
        parleyRegister = parley.parse(BenchMessages.REGISTER);
        jainRegister = jain.parseSIPMessage(BenchMessages.REGISTER, true, false, null);
    }

    // ------------------------------------------------------------------ parse only

    @Benchmark
    public SipMessage parleyParseInvite() {
        return parley.parse(BenchMessages.INVITE);
    }

    @Benchmark
    public SIPMessage jainSipParseInvite() throws Exception {
        return jain.parseSIPMessage(BenchMessages.INVITE, true, false, null);
    }

    @Benchmark
    public io.pkts.packet.sip.SipMessage pktsParseInvite() throws Exception {
        return io.pkts.packet.sip.SipMessage.frame(BenchMessages.INVITE);
    }

    @Benchmark
    public SipMessage parleyParseRinging() {
        return parley.parse(BenchMessages.RINGING);
    }

    @Benchmark
    public SIPMessage jainSipParseRinging() throws Exception {
        return jain.parseSIPMessage(BenchMessages.RINGING, true, false, null);
    }

    @Benchmark
    public SipMessage parleyParseRegister() {
        return parley.parse(BenchMessages.REGISTER);
    }

    @Benchmark
    public SIPMessage jainSipParseRegister() throws Exception {
        return jain.parseSIPMessage(BenchMessages.REGISTER, true, false, null);
    }

    @Benchmark
    public SipMessage parleyParseCompact() {
        return parley.parse(BenchMessages.COMPACT);
    }

    @Benchmark
    public SIPMessage jainSipParseCompact() throws Exception {
        return jain.parseSIPMessage(BenchMessages.COMPACT, true, false, null);
    }

    // ------------------------------------------------------------------ parse and read

    private static void read(SipMessage m, Blackhole bh) {
        bh.consume(m.callId());
        bh.consume(m.cseq().number());
        bh.consume(m.topVia().branch().orElse(null));
        bh.consume(m.fromTag().orElse(null));
    }

    private static void read(SIPMessage m, Blackhole bh) {
        bh.consume(m.getCallId().getCallId());
        bh.consume(m.getCSeq().getSeqNumber());
        bh.consume(m.getTopmostVia().getBranch());
        bh.consume(m.getFrom().getTag());
    }

    private static void read(io.pkts.packet.sip.SipMessage m, Blackhole bh) throws Exception {
        bh.consume(m.getCallIDHeader().getCallId());
        bh.consume(m.getCSeqHeader().getSeqNumber());
        bh.consume(m.getViaHeader().getBranch());
        bh.consume(m.getFromHeader().getTag());
    }

    @Benchmark
    public void parleyParseAndReadInvite(Blackhole bh) {
        read(parley.parse(BenchMessages.INVITE), bh);
    }

    @Benchmark
    public void jainSipParseAndReadInvite(Blackhole bh) throws Exception {
        read(jain.parseSIPMessage(BenchMessages.INVITE, true, false, null), bh);
    }

    @Benchmark
    public void pktsParseAndReadInvite(Blackhole bh) throws Exception {
        read(io.pkts.packet.sip.SipMessage.frame(BenchMessages.INVITE), bh);
    }

    @Benchmark
    public void parleyParseAndReadRinging(Blackhole bh) {
        read(parley.parse(BenchMessages.RINGING), bh);
    }

    @Benchmark
    public void jainSipParseAndReadRinging(Blackhole bh) throws Exception {
        read(jain.parseSIPMessage(BenchMessages.RINGING, true, false, null), bh);
    }

    @Benchmark
    public void parleyParseAndReadRegister(Blackhole bh) {
        read(parley.parse(BenchMessages.REGISTER), bh);
    }

    @Benchmark
    public void jainSipParseAndReadRegister(Blackhole bh) throws Exception {
        read(jain.parseSIPMessage(BenchMessages.REGISTER, true, false, null), bh);
    }

    @Benchmark
    public void parleyParseAndReadCompact(Blackhole bh) {
        read(parley.parse(BenchMessages.COMPACT), bh);
    }

    @Benchmark
    public void jainSipParseAndReadCompact(Blackhole bh) throws Exception {
        read(jain.parseSIPMessage(BenchMessages.COMPACT, true, false, null), bh);
    }

    // ------------------------------------------------------------------ serialize

    @Benchmark
    public byte[] parleySerializeInvite() {
        return parleyInvite.toBytes();
    }

    @Benchmark
    public byte[] jainSipSerializeInvite() {
        return jainInvite.encodeAsBytes("UDP");
    }

    @Benchmark
    public byte[] parleySerializeRegister() {
        return parleyRegister.toBytes();
    }

    @Benchmark
    public byte[] jainSipSerializeRegister() {
        return jainRegister.encodeAsBytes("TLS");
    }

    /** Design check: a loop that only looks at every byte of the INVITE, the floor for any parser. */
    @Benchmark
    public int baselineTouchEveryByteInvite() {
        int h = 0;
        for (byte b : BenchMessages.INVITE) {
            h = 31 * h + b;
        }
        return h;
    }
}
