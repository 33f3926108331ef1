package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.parley.sip.transaction.VirtualTime;
import dev.parley.sip.transport.InMemoryNetwork;
import dev.parley.ua.Call;
import dev.parley.ua.LineConfig;
import dev.parley.ua.PhoneLine;
import dev.parley.ua.SoftPhone;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransferReplacementsTest {

    private final VirtualTime time = new VirtualTime();
    private final SoftPhone phone = SoftPhone.builder()
            .inMemory(new InMemoryNetwork<>(time, 1, 100), new InMemoryNetwork<>(time, 2, 100), time)
            .random(new SplittableRandom(3))
            .build();
    private final PhoneLine line = phone.addLine(LineConfig.builder("alice", "127.0.0.1").build());

    @AfterEach
    void close() {
        phone.closeAsync();
        time.advance(40_000);
    }

    /** IDLE calls: never started, they only give the map distinct Call-IDs. */
    private List<Call> calls(int n) {
        List<Call> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(line.newCall("sip:bob" + i + "@127.0.0.1"));
        }
        return out;
    }

    @Test
    void aReportedReplacement_isFoundByTheCallItReplaced_whetherReportedBeforeOrAfterTheWait() {
        List<Call> c = calls(4);
        TransferReplacements r = new TransferReplacements();
        r.transferred(c.get(0), c.get(1));
        assertSame(c.get(1), r.await(c.get(0), 0));
        assertNull(r.await(c.get(2), 0), "no transfer of that call was reported");
        r.transferred(c.get(2), c.get(3));
        assertSame(c.get(3), r.await(c.get(2), 0));
    }

    @Test
    void beyondTheBound_aFurtherTransferIsNotFollowed_butKnownOnesStillAre() {
        List<Call> c = calls(2 * TransferReplacements.MAX_TRANSFERS + 2);
        TransferReplacements r = new TransferReplacements();
        for (int i = 0; i < TransferReplacements.MAX_TRANSFERS; i++) {
            r.transferred(c.get(2 * i), c.get(2 * i + 1));
        }
        Call extra = c.get(2 * TransferReplacements.MAX_TRANSFERS);
        r.transferred(extra, c.get(2 * TransferReplacements.MAX_TRANSFERS + 1));
        assertNull(r.await(extra, 0));
        assertSame(c.get(1), r.await(c.get(0), 0));
        assertSame(c.get(2 * TransferReplacements.MAX_TRANSFERS - 1), r.await(c.get(2 * TransferReplacements.MAX_TRANSFERS - 2), 0));
    }
}
