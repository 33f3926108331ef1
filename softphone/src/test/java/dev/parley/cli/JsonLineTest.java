package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void fieldsAppearInOrderWithTheirTypes() {
        String json = JsonLine.event("ended", 1234).add("status", 486).add("reason", "Busy Here")
                .add("finished", true).toString();
        assertEquals("{\"event\":\"ended\",\"time_ms\":1234,\"status\":486,\"reason\":\"Busy Here\",\"finished\":true}", json);
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        String json = new JsonLine().add("from_name", "Al \"the\" \\ Pal\n\u0001").toString();
        assertEquals("{\"from_name\":\"Al \\\"the\\\" \\\\ Pal\\n\\u0001\"}", json);
    }

    @Test
    void nullAndNonFiniteNumbersBecomeJsonNull() {
        assertEquals("{\"codec\":null,\"jitter\":null}", new JsonLine().add("codec", (String) null)
                .add("jitter", Double.NaN).toString());
    }

    @Test
    void unicodeIsWrittenAsIs() {
        assertEquals("{\"name\":\"Zoë ☎\"}", new JsonLine().add("name", "Zoë ☎").toString());
    }
}
