package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Locates the shared corpus (system property {@code parley.shared.dir}, else ../shared) and reads it. */
final class SharedCorpus {

    private SharedCorpus() {
    }

    static Path root() {
        String prop = System.getProperty("parley.shared.dir");
        List<Path> candidates = new ArrayList<>();
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("..", "..", "shared"));
        candidates.add(Path.of("..", "shared"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("corpus"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return fail("shared test data not found: set -Dparley.shared.dir or put it at ../shared next to the repository (tried "
                + candidates + ")");
    }

    static Path corpus(String sub) {
        return root().resolve("corpus").resolve(sub);
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .dat of a corpus folder (recursively, without the raw archive copies), keyed by relative path. */
    static Map<String, Path> messages(String sub) {
        Path dir = corpus(sub);
        Map<String, Path> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.toString().endsWith(".dat") && !dir.relativize(p).startsWith("archive")).sorted()
                    .forEach(p -> out.put(dir.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            fail("no .dat files under " + dir);
        }
        return out;
    }

    /** Rows of a TSV file as maps from column name to value. */
    static List<Map<String, String>> tsv(Path p) {
        List<String> lines = new String(read(p), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        String[] head = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                row.put(head[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
