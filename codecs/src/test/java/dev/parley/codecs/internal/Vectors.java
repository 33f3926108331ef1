package dev.parley.codecs.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The golden vectors of {@code shared/vectors/codecs}, read through their {@code INDEX.tsv}. */
final class Vectors {

    /** One row of INDEX.tsv: decode or encode {@code input} and compare with {@code expected}. */
    record Row(String codec, String op, String input, String expected, int sampleRate, int samples) {
        @Override
        public String toString() {
            return codec + " " + op + " " + input;
        }
    }

    private Vectors() {
    }

    static Path dir() {
        String configured = System.getProperty("parley.shared.dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        Path dir = shared.resolve("vectors").resolve("codecs");
        if (!Files.isRegularFile(dir.resolve("INDEX.tsv"))) {
            fail("codec golden vectors missing: expected " + dir.toAbsolutePath() + "/INDEX.tsv"
                    + " (set -Dparley.shared.dir to the shared directory)");
        }
        return dir;
    }

    static List<Row> rows(String codec) {
        try {
            List<Row> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(dir().resolve("INDEX.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals(codec)) {
                    rows.add(new Row(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5])));
                }
            }
            if (rows.isEmpty()) {
                fail("INDEX.tsv lists no rows for " + codec);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static short[] pcm(String name) {
        byte[] raw = bytes(name);
        short[] pcm = new short[raw.length / 2];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
        return pcm;
    }

    static byte[] littleEndian(short[] pcm) {
        ByteBuffer buf = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buf.asShortBuffer().put(pcm);
        return buf.array();
    }

    /** Describes the first difference between two byte arrays, or returns null when they are equal. */
    static String firstDifference(byte[] expected, byte[] actual) {
        if (expected.length != actual.length) {
            return "length " + actual.length + ", expected " + expected.length;
        }
        int count = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                count++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return count == 0 ? null : count + " bytes differ, first at byte " + first + ": expected 0x"
                + Integer.toHexString(expected[first] & 0xFF) + ", got 0x" + Integer.toHexString(actual[first] & 0xFF);
    }
}
