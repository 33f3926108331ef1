package dev.parley.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code parley} command: dispatches to a subcommand and turns its outcome into an exit status. */
public final class Main {

    private final List<Subcommand> subcommands;

    Main(List<Subcommand> subcommands) {
        this.subcommands = List.copyOf(subcommands);
    }

    /** The subcommands, in a JVM (a test's) where no signal reaches them: the hook is never installed. */
    static Main standard() {
        return standard(new InterruptHook(System.out, System.err));
    }

    /** The subcommands the shipped command knows, in the order help lists them; Ctrl-C and SIGTERM go to {@code interrupts}. */
    static Main standard(InterruptHook interrupts) {
        List<Subcommand> all = new ArrayList<>();
        all.add(new DemoCommand());
        all.add(new LintCommand());
        all.add(new CodecCommand());
        all.add(new RegisterCommand(interrupts));
        all.add(new CallCommand(interrupts));
        all.add(new ListenCommand(interrupts));
        all.add(new ConferenceCommand(interrupts));
        all.add(new RegistrarCommand());
        return new Main(all);
    }

    public static void main(String[] args) {
        InterruptHook interrupts = new InterruptHook(System.out, System.err);
        interrupts.install();
        int status = standard(interrupts).run(List.of(args), System.out, System.err).status();
        interrupts.remove(); // from here a signal no longer changes the outcome
        System.out.flush();
        System.exit(status);
    }

    ExitCode run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(topLevelHelp());
            return ExitCode.USAGE;
        }
        String name = args.get(0);
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            out.print(topLevelHelp());
            return ExitCode.SUCCESS;
        }
        Optional<Subcommand> sub = subcommands.stream().filter(s -> s.name().equals(name)).findFirst();
        if (sub.isEmpty()) {
            err.println("parley: unknown subcommand '" + name + "'" + suggestion(name)
                    + "; run 'parley --help' for the list");
            return ExitCode.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(sub.get().help());
            return ExitCode.SUCCESS;
        }
        try {
            return sub.get().run(rest, out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
    }

    private String suggestion(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Subcommand s : subcommands) {
            int d = ArgParser.editDistance(unknown, s.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = s.name();
            }
        }
        return best != null && bestDistance <= 2 ? " (did you mean '" + best + "'?)" : "";
    }

    String topLevelHelp() {
        StringBuilder sb = new StringBuilder("Usage: parley <subcommand> [options]\n\nSubcommands:\n");
        int width = 8;
        for (Subcommand s : subcommands) {
            width = Math.max(width, s.name().length());
        }
        for (Subcommand s : subcommands) {
            sb.append("  ").append(s.name()).append(" ".repeat(width - s.name().length() + 2)).append(s.summary()).append('\n');
        }
        sb.append("\n'parley <subcommand> --help' describes each one.\n");
        sb.append("Exit status: 0 success, 1 problems found or a check failed, 2 usage error,\n");
        sb.append("3 registration failed, 4 call failed, 5 file or network I/O error,\n");
        sb.append("130 interrupted (Ctrl-C or SIGTERM; a phone hangs up and unregisters first, within 2 s).\n");
        return sb.toString();
    }
}
