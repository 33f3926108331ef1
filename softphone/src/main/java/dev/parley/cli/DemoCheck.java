package dev.parley.cli;

import java.util.List;
import java.util.Objects;

/**
 * One verdict of {@code parley demo}: what was checked, whether it held, and the evidence (or
 * what went wrong), printed as one line: {@code ✓ bob hears alice's tone — 941+1633 Hz after 0.31 s}.
 *
 * @param name   what the check asserts, in words
 * @param passed whether it held
 * @param detail the measured evidence, or the reason it failed; may be empty
 */
record DemoCheck(String name, boolean passed, String detail) {

    static final char PASS = '✓';
    static final char FAIL = '✗';

    DemoCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        if (name.isBlank() || name.indexOf('\n') >= 0 || detail.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a check is one non-empty line: " + name);
        }
    }

    static DemoCheck pass(String name, String detail) {
        return new DemoCheck(name, true, detail);
    }

    static DemoCheck fail(String name, String detail) {
        return new DemoCheck(name, false, detail);
    }

    static DemoCheck of(String name, boolean passed, String detail) {
        return new DemoCheck(name, passed, detail);
    }

    /** The printed line: mark, name, then the detail after a dash when there is one. */
    String line() {
        return (passed ? PASS : FAIL) + " " + name + (detail.isEmpty() ? "" : " — " + detail);
    }

    /** The summary line after the checks: "all 12 checks passed" or "2 of 12 checks failed". */
    static String summary(List<DemoCheck> checks) {
        long failed = checks.stream().filter(c -> !c.passed()).count();
        if (checks.isEmpty()) {
            return "no checks ran";
        }
        return failed == 0 ? "all " + checks.size() + " checks passed"
                : failed + " of " + checks.size() + " checks failed";
    }
}
