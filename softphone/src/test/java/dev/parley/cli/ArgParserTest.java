package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgParserTest {

    private final ArgParser parser = new ArgParser("call", List.of(
            OptionSpec.value("play", "FILE", "play a WAV file"),
            OptionSpec.value("duration", "SECONDS", "hang up after this long"),
            OptionSpec.flag("auto-answer", "answer incoming calls"),
            OptionSpec.flag("trace", "print the ladder"),
            OptionSpec.repeatable("call", "URI", "call this URI (repeatable)")));

    @Test
    void valuesFlagsAndPositionalsAreSeparated() throws UsageException {
        ParsedArgs p = parser.parse(List.of("sip:bob@127.0.0.1", "--play", "a.wav", "--trace", "--duration=5"));
        assertEquals(List.of("sip:bob@127.0.0.1"), p.positional());
        assertEquals("a.wav", p.value("play").orElseThrow());
        assertEquals(5, p.intValue("duration", 0, 1, 3600));
        assertTrue(p.has("trace"));
        assertFalse(p.has("auto-answer"));
    }

    @Test
    void doubleDashEndsOptions() throws UsageException {
        ParsedArgs p = parser.parse(List.of("--", "--trace"));
        assertEquals(List.of("--trace"), p.positional());
        assertFalse(p.has("trace"));
    }

    @Test
    void unknownOption_namesTheClosestKnownOne() {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(List.of("--tarce")));
        assertTrue(e.getMessage().contains("unknown option --tarce"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean --trace?"), e.getMessage());
    }

    @Test
    void missingValue_saysWhatTheOptionTakes() {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(List.of("--play")));
        assertTrue(e.getMessage().contains("--play FILE"), e.getMessage());
    }

    @Test
    void flagWithValue_isRejected() {
        assertThrows(UsageException.class, () -> parser.parse(List.of("--trace=yes")));
    }

    @Test
    void repeatedOption_isRejected() {
        assertThrows(UsageException.class, () -> parser.parse(List.of("--play", "a", "--play", "b")));
    }

    @Test
    void repeatableOption_keepsEveryValueInOrder() throws UsageException {
        ParsedArgs p = parser.parse(List.of("--call", "sip:a@h", "--trace", "--call=sip:b@h", "--call", "sip:a@h"));
        assertEquals(List.of("sip:a@h", "sip:b@h", "sip:a@h"), p.all("call"));
        assertEquals(List.of(), p.all("play"));
        assertTrue(p.value("call").isEmpty(), "a repeatable option has no single value");
    }

    @Test
    void repeatableOption_isBounded() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i <= ArgParser.MAX_REPEATS; i++) {
            many.addAll(List.of("--call", "sip:u" + i + "@h"));
        }
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(many));
        assertTrue(e.getMessage().contains("--call given more than " + ArgParser.MAX_REPEATS + " times"), e.getMessage());
        assertEquals(ArgParser.MAX_REPEATS, assertDoesNotThrowParse(many.subList(0, 2 * ArgParser.MAX_REPEATS)).all("call").size());
    }

    private ParsedArgs assertDoesNotThrowParse(List<String> args) {
        try {
            return parser.parse(args);
        } catch (UsageException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void badNumber_saysWhyAndTheRange() throws UsageException {
        ParsedArgs notNumber = parser.parse(List.of("--duration", "ten"));
        UsageException e1 = assertThrows(UsageException.class, () -> notNumber.intValue("duration", 0, 1, 3600));
        assertTrue(e1.getMessage().contains("whole number"), e1.getMessage());
        ParsedArgs tooBig = parser.parse(List.of("--duration", "99999"));
        UsageException e2 = assertThrows(UsageException.class, () -> tooBig.intValue("duration", 0, 1, 3600));
        assertTrue(e2.getMessage().contains("between 1 and 3600"), e2.getMessage());
    }

    @Test
    void help_listsEveryOptionWithItsPlaceholder() {
        String help = parser.help("<uri> [options]", "Calls a SIP URI.");
        assertTrue(help.startsWith("Usage: parley call <uri> [options]"));
        assertTrue(help.contains("--play FILE"));
        assertTrue(help.contains("--auto-answer"));
        assertTrue(help.contains("--help"));
    }

    @Test
    void editDistance_countsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, ArgParser.editDistance("trace", "trace"));
        assertEquals(2, ArgParser.editDistance("tarce", "trace"));
        assertEquals(1, ArgParser.editDistance("codec", "codecs"));
        assertEquals(5, ArgParser.editDistance("", "trace"));
    }
}
