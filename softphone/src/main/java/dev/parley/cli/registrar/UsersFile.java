package dev.parley.cli.registrar;

import dev.parley.cli.registrar.UsersFileException.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The users a registrar accepts, read from a small text file:
 *
 * <pre>
 * # comment lines start with '#'; blank lines are ignored
 * alice:secret
 * bob:another secret      (everything after the first colon is the password)
 * </pre>
 *
 * Leading and trailing spaces around the user are ignored; the password is kept as written, except
 * for a trailing CR (files saved on Windows). Immutable.
 */
public final class UsersFile {

    /** More users than this is a mistake (the location service is bounded by the number of users). */
    public static final int MAX_USERS = 10_000;

    private static final String USER_MARKS = "-_.!~*'()&=+$,;?/";

    private final Map<String, String> passwords;

    private UsersFile(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** Parses the whole file; throws {@link UsersFileException} naming the first bad line. */
    public static UsersFile parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new UsersFileException(Reason.NO_COLON, lineNo);
            }
            String user = line.substring(0, colon).strip();
            String password = line.substring(colon + 1);
            if (!isUser(user)) {
                throw new UsersFileException(Reason.BAD_USER, lineNo);
            }
            if (password.isEmpty()) {
                throw new UsersFileException(Reason.EMPTY_PASSWORD, lineNo);
            }
            if (out.containsKey(user)) {
                throw new UsersFileException(Reason.DUPLICATE_USER, lineNo);
            }
            if (out.size() >= MAX_USERS) {
                throw new UsersFileException(Reason.TOO_LARGE, lineNo);
            }
            out.put(user, password);
        }
        return new UsersFile(out);
    }

    /** A users file from a map of user to password (for embedding, e.g. the demo). */
    public static UsersFile of(Map<String, String> passwords) {
        StringBuilder sb = new StringBuilder();
        passwords.forEach((u, p) -> sb.append(u).append(':').append(p).append('\n'));
        return parse(sb.toString());
    }

    // RFC 3261 §25.1: user = 1*( unreserved / escaped / user-unreserved ); escapes are not accepted here.
    private static boolean isUser(String user) {
        if (user.isEmpty()) {
            return false;
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || USER_MARKS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The password of {@code user}, if the user exists (user names are case-sensitive, RFC 3261 §19.1.4). */
    public Optional<String> password(String user) {
        return Optional.ofNullable(passwords.get(user));
    }

    public boolean contains(String user) {
        return passwords.containsKey(user);
    }

    public int size() {
        return passwords.size();
    }
}
