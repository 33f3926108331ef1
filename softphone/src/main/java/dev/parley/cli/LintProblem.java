package dev.parley.cli;

/** One problem {@code parley lint} found, at a byte offset of the file. */
record LintProblem(int offset, String message) {
}
