package dev.parley.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code parley lint FILE}: parses the file as one datagram (SIP, or SDP when it starts with
 * {@code v=}) and prints each problem as {@code FILE:LINE:COLUMN: problem}.
 */
final class LintCommand implements Subcommand {

    private final ArgParser parser = new ArgParser("lint", List.of());

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String summary() {
        return "check a SIP message or SDP file against RFC 3261 / RFC 8866";
    }

    @Override
    public String help() {
        return parser.help("FILE", """
                Reads FILE as one datagram and parses it as a SIP message, or as SDP when it starts
                with 'v='. Checks the headers RFC 3261 §8.1.1 requires (Via, From, To, Call-ID, CSeq
                with the request's method, Max-Forwards for requests), every typed header, and an SDP
                body. Prints each problem as FILE:LINE:COLUMN: reason, or 'valid'.
                Exit status: 0 valid, 1 problems found, 2 usage error (including an unreadable FILE).""");
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        List<String> files = parser.parse(args).positional();
        if (files.size() != 1) {
            throw new UsageException("parley lint: give exactly one FILE (got " + files.size() + "); e.g. parley lint invite.sip");
        }
        String name = files.get(0);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new UsageException("parley lint: no such file: " + name);
        } catch (IOException e) {
            throw new UsageException("parley lint: cannot read " + name + ": " + e.getMessage());
        }
        List<LintProblem> problems = MessageLinter.lint(bytes);
        for (LintProblem p : problems) {
            out.println(name + ":" + TextPosition.of(bytes, p.offset()) + ": " + p.message());
        }
        if (problems.isEmpty()) {
            out.println(name + ": valid");
            return ExitCode.SUCCESS;
        }
        out.println(name + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        return ExitCode.PROBLEMS;
    }
}
