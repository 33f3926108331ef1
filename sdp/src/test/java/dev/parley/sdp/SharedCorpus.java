package dev.parley.sdp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the shared SDP corpus; a missing corpus fails the test, it never skips it. */
final class SharedCorpus {
    private SharedCorpus() {
    }

    /** One row of {@code corpus/sdp/EXPECTED.tsv}. */
    record Row(String file, String verdict, String source, String description) {
    }

    static Path sdpDir() {
        String property = System.getProperty("parley.shared.dir");
        Path shared = property != null ? Path.of(property) : repositoryRoot().resolve("../shared");
        Path dir = shared.resolve("corpus/sdp").normalize();
        if (!Files.isRegularFile(dir.resolve("EXPECTED.tsv"))) {
            fail("The shared SDP corpus is missing: expected " + dir.toAbsolutePath()
                    + "/EXPECTED.tsv (set -Dparley.shared.dir or check out /work/shared next to the repository)");
        }
        return dir;
    }

    static List<Row> rows() {
        try {
            List<Row> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(sdpDir().resolve("EXPECTED.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(f[0], f[1], f[2], f[3]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(sdpDir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String file) {
        byte[] b = bytes(file);
        return SessionDescription.parse(b, 0, b.length);
    }

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".git")) && !Files.isRegularFile(p.resolve(".ci/run"))) {
            p = p.getParent();
        }
        if (p == null) {
            fail("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
