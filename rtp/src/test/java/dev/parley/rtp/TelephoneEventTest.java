package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

    @Test
    void payload_wireFormatOfRfc4733Section23() {
        ByteBuffer b = ByteBuffer.allocate(4);
        new TelephoneEvent(11, true, 10, 1600).encodeTo(b);
        assertEquals("0b8a0640", HexFormat.of().formatHex(b.array()));
        assertEquals(new TelephoneEvent(11, true, 10, 1600), TelephoneEvent.parse(b, 0, 4));
        assertEquals(RtpParseException.Reason.TRUNCATED,
                assertThrows(RtpParseException.class, () -> TelephoneEvent.parse(b, 0, 3)).reason());
        assertEquals(11, TelephoneEvent.eventOf('#'));
        assertEquals('*', TelephoneEvent.digitOf(10));
    }

    @Test
    void sender_growsDurationThenSendsThreeEndPackets() {
        TelephoneEventSender s = new TelephoneEventSender();
        s.start(1, 10, 480, 1234);
        List<Long> words = new ArrayList<>();
        boolean firstMarked = s.firstPacket();
        while (s.active()) {
            words.add(s.nextPayload(160) & 0xFFFFFFFFL);
        }
        assertTrue(firstMarked);
        assertEquals(List.of(160, 320, 480, 480, 480), words.stream().map(TelephoneEvent::durationOf).toList());
        assertEquals(3, words.stream().filter(TelephoneEvent::endOf).count());
        assertEquals(1234, s.timestamp());
    }

    @Test
    void receiver_reportsEachEventOnce_andToleratesLostEnds() {
        List<String> out = new ArrayList<>();
        TelephoneEventReceiver r = new TelephoneEventReceiver(300);
        TelephoneEventReceiver.Sink sink = (e, d) -> out.add(e + "/" + d);
        long endWord = (5L << 24) | 0x800000L | 800;
        r.onPacket(100, (5L << 24) | 160, 0, sink);
        r.onPacket(100, endWord, 20, sink);
        r.onPacket(100, endWord, 21, sink);
        r.onPacket(100, endWord, 22, sink);
        assertEquals(List.of("5/800"), out);
        r.onPacket(900, (9L << 24) | 320, 100, sink); // new timestamp: a new event, its end lost
        r.onTick(200, sink);
        assertEquals(1, out.size());
        r.onTick(400, sink);
        assertEquals(List.of("5/800", "9/320"), out);
        r.onPacket(900, (9L << 24) | 0x800000L | 480, 410, sink); // late end packet: already reported
        assertEquals(2, out.size());
        r.onPacket(100, endWord, 420, sink); // an older event's straggler
        assertFalse(out.size() > 2);
    }
}
