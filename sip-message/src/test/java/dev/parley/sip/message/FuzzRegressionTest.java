package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Replays every input the fuzzer ever broke the parser with (src/test/resources/fuzz-crashers). */
class FuzzRegressionTest {

    @Test
    void committedCrashersStayFixed() throws IOException {
        Path dir = Path.of("src", "test", "resources", "fuzz-crashers");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no crasher fixtures found in " + dir.toAbsolutePath());
        for (Path p : files) {
            FuzzTarget.run(Files.readAllBytes(p));
        }
    }
}
