package dev.parley.rtp;

/**
 * Reception statistics of one remote source, exactly as RFC 3550 Appendix A computes them:
 * sequence number tracking with wrap, probation and restart (§A.1), cumulative and fraction lost
 * (§A.3), interarrival jitter (§A.8), and the LSR/DLSR fields of a report block (§6.4.1).
 * Single-threaded; {@link #onPacket} never allocates.
 */
public final class ReceiverStatistics {

    /** RFC 3550 §A.1: the largest forward jump still taken as the same sequence. */
    static final int MAX_DROPOUT = 3000;
    /** RFC 3550 §A.1: the largest backward jump still taken as reordering. */
    static final int MAX_MISORDER = 100;
    /** RFC 3550 §A.1: sequential packets needed before a source is valid. */
    static final int MIN_SEQUENTIAL = 2;
    private static final int RTP_SEQ_MOD = 1 << 16;

    private final int ssrc;
    private final int clockRate;
    private int maxSeq;
    private int cycles;
    private int baseSeq;
    private int badSeq;
    private int probation;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long duplicatesOrRestarts;
    private int transit;
    private boolean haveTransit;
    private long jitterQ4; // RFC 3550 §A.8: jitter scaled by 16
    private int lastSr;
    private long lastSrArrivalNanos;
    private boolean haveSr;

    /** Starts tracking {@code ssrc} from its first packet's sequence number. */
    public ReceiverStatistics(int ssrc, int clockRate, int firstSeq) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        initSequence(firstSeq);
        maxSeq = firstSeq - 1;
        probation = MIN_SEQUENTIAL;
    }

    public int ssrc() {
        return ssrc;
    }

    private void initSequence(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = RTP_SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /**
     * RFC 3550 §A.1 {@code update_seq}: accounts one packet.
     *
     * @return {@code true} if the packet belongs to a valid source and should be processed
     */
    public boolean updateSequence(int seq) {
        int udelta = (seq - maxSeq) & 0xFFFF;
        // RFC 3550 §A.1: a source is valid after MIN_SEQUENTIAL packets in sequence.
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    initSequence(seq);
                    received++;
                    return true;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return false;
        } else if (udelta < MAX_DROPOUT) {
            // RFC 3550 §A.1: in order, with permissible gap; count a wrap of the 16-bit number.
            if (seq < maxSeq) {
                cycles += RTP_SEQ_MOD;
            }
            maxSeq = seq;
        } else if (udelta <= RTP_SEQ_MOD - MAX_MISORDER) {
            // RFC 3550 §A.1: a very large jump; two in a row mean the sender restarted.
            if (seq == badSeq) {
                initSequence(seq);
                duplicatesOrRestarts++;
            } else {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
        } else {
            // RFC 3550 §A.1: a duplicate or a reordered packet; counted, not an error.
            duplicatesOrRestarts++;
        }
        received++;
        return true;
    }

    /**
     * RFC 3550 §A.8: updates the interarrival jitter with a packet's RTP timestamp and its arrival
     * time in nanoseconds.
     */
    public void updateJitter(int rtpTimestamp, long arrivalNanos) {
        int arrival = (int) (arrivalNanos / 1000 * clockRate / 1_000_000L); // arrival in timestamp units
        int t = arrival - rtpTimestamp;
        if (haveTransit) {
            int d = Math.abs(t - transit);
            // RFC 3550 §A.8: J += (|D| - J) / 16, kept scaled by 16 to stay in integers.
            jitterQ4 += d - ((jitterQ4 + 8) >> 4);
        }
        transit = t;
        haveTransit = true;
    }

    /** Convenience: {@link #updateSequence} then, for an accepted packet, {@link #updateJitter}. */
    public boolean onPacket(int seq, int rtpTimestamp, long arrivalNanos) {
        boolean ok = updateSequence(seq);
        if (ok) {
            updateJitter(rtpTimestamp, arrivalNanos);
        }
        return ok;
    }

    /** Records an SR from this source for the LSR/DLSR fields (RFC 3550 §6.4.1). */
    public void onSenderReport(long ntpTimestamp, long arrivalNanos) {
        lastSr = (int) (ntpTimestamp >>> 16); // the middle 32 bits of the NTP timestamp
        lastSrArrivalNanos = arrivalNanos;
        haveSr = true;
    }

    /** Whether the source has passed probation (RFC 3550 §A.1). */
    public boolean valid() {
        return probation == 0;
    }

    /** RFC 3550 §A.3: cycles plus highest sequence number received. */
    public long extendedHighestSequence() {
        return cycles + (maxSeq & 0xFFFFL);
    }

    public long expected() {
        return valid() ? extendedHighestSequence() - baseSeq + 1 : 0;
    }

    public long received() {
        return received;
    }

    /** RFC 3550 §A.3: expected minus received; negative with duplicates. */
    public long cumulativeLost() {
        return expected() - received;
    }

    /** Interarrival jitter in timestamp units (RFC 3550 §A.8). */
    public int jitter() {
        return (int) (jitterQ4 >> 4);
    }

    public long duplicatesOrRestarts() {
        return duplicatesOrRestarts;
    }

    /**
     * Builds this source's report block for an SR/RR sent at {@code nowNanos}, and starts a new
     * fraction-lost interval (RFC 3550 §A.3).
     */
    public ReportBlock report(long nowNanos) {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        // RFC 3550 §A.3: fraction = lost_interval / expected_interval in 1/256, 0 if none lost.
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0
                : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
        int dlsr = 0;
        if (haveSr) {
            // RFC 3550 §6.4.1: DLSR in units of 1/65536 s.
            dlsr = (int) Math.min(0xFFFFFFFFL, (nowNanos - lastSrArrivalNanos) * 65536 / 1_000_000_000L);
        }
        return new ReportBlock(ssrc, fraction, (int) Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost())),
                (int) extendedHighestSequence(), jitter(), haveSr ? lastSr : 0, dlsr);
    }

    /**
     * RFC 3550 §6.4.1: round-trip time from a report block about us, received when the middle 32
     * bits of our NTP clock read {@code arrivalNtpMiddle}: A − LSR − DLSR. Returns nanoseconds, or
     * -1 when the block carries no LSR.
     */
    public static long roundTripNanos(ReportBlock block, int arrivalNtpMiddle) {
        if (block.lastSr() == 0) {
            return -1;
        }
        long units = (arrivalNtpMiddle - block.lastSr() - block.delaySinceLastSr()) & 0xFFFFFFFFL;
        if (units > 0x7FFFFFFFL) {
            return -1; // negative: clocks inconsistent
        }
        return units * 1_000_000_000L / 65536;
    }
}
