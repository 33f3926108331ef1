package dev.parley.sdp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parser's token sharing: common tokens and small numbers come back as one shared String. */
class AsciiTest {
    private static String textOf(String s) {
        byte[] b = ("x " + s + " y").getBytes(StandardCharsets.UTF_8);
        return Ascii.text(b, 2, 2 + b.length - 4);
    }

    @Test
    void everyCommonToken_isShared_noSlotCollision() {
        for (String token : Ascii.commonTokens()) {
            assertSame(token, textOf(token), token);
        }
    }

    @Test
    void smallNumbers_areShared_butLeadingZerosKeptAsWritten() {
        assertSame(textOf("101"), textOf("101"));
        assertSame(textOf("0"), textOf("0"));
        assertEquals("007", textOf("007"));
        assertNotSame(textOf("007"), textOf("007"));
        assertEquals("128", textOf("128"));
    }

    @Test
    void otherText_isCopiedExactly() {
        assertEquals("192.0.2.10", textOf("192.0.2.10"));
        assertEquals("Grüße", textOf("Grüße"));
        assertEquals("", Ascii.text(new byte[] {'a'}, 1, 1));
    }
}
