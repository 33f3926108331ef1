package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One million mutated corpus messages through the parser (RFC 4475 §1: a parser must survive
 * anything). Seeded, so a failure reproduces; a failing input is written to
 * {@code target/fuzz-crashers/} so it can be reduced and committed under
 * {@code src/test/resources/fuzz-crashers/}, where {@link FuzzRegressionTest} replays it.
 */
class SipFuzzTest {

    static final int INPUTS = 1_000_000;
    static final long SEED = 0x5EED_2026L;

    static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String folder : new String[] {"rfc4475", "rfc5118", "flows"}) {
            SharedCorpus.messages(folder).values().forEach(p -> seeds.add(SharedCorpus.read(p)));
        }
        return seeds;
    }

    @Test
    void millionMutatedInputs_onlyTypedErrorsEscapeAndWhatParsesRoundTrips() throws IOException {
        Mutator mutator = new Mutator(SEED, seeds());
        int valid = 0;
        long slowestNanos = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutator.next();
            long t0 = System.nanoTime();
            try {
                if (FuzzTarget.run(input)) {
                    valid++;
                }
            } catch (Throwable t) {
                Path out = Path.of("target", "fuzz-crashers", "crash-" + i + ".bin");
                Files.createDirectories(out.getParent());
                Files.write(out, input);
                fail("input #" + i + " (seed " + SEED + ") broke a property, saved to " + out + ": " + t, t);
            }
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - t0);
        }
        // Not a benchmark: a hang detector. Linear work on an 80 KB input is well under a millisecond;
        // seconds would mean superlinear work (the bound is loose so that a loaded CI machine passes).
        assertTrue(slowestNanos < 5_000_000_000L, "slowest input took " + slowestNanos / 1_000_000 + " ms");
        assertTrue(valid > INPUTS / 100, "mutations too destructive: only " + valid + " valid inputs");
    }
}
