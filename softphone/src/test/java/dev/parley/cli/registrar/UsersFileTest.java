package dev.parley.cli.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.cli.registrar.UsersFileException.Reason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsersFileTest {

    @Test
    void userColonPassword_perLine_withCommentsBlankLinesAndCrLf() {
        UsersFile users = UsersFile.parse("# the demo users\r\nalice:wonder:land\r\n\r\n  bob :b u i l d\n   # indented comment\n");
        assertEquals(2, users.size());
        assertEquals(Optional.of("wonder:land"), users.password("alice"), "everything after the first colon");
        assertEquals(Optional.of("b u i l d"), users.password("bob"), "spaces around the user are ignored, not in the password");
        assertFalse(users.contains("Alice"), "user names are case-sensitive");
    }

    private static void assertBadLine(String text, Reason reason, int line) {
        UsersFileException e = assertThrows(UsersFileException.class, () -> UsersFile.parse(text));
        assertEquals(reason, e.reason());
        assertEquals(line, e.line());
        assertEquals("line " + line + ": " + reason.description(), e.getMessage());
    }

    @Test
    void badLines_areNamedByNumberAndReason() {
        assertBadLine("alice:x\nbob\n", Reason.NO_COLON, 2);
        assertBadLine("# c\n\n:secret\n", Reason.BAD_USER, 3);
        assertBadLine("al ice:secret\n", Reason.BAD_USER, 1);
        assertBadLine("al<ice:secret\n", Reason.BAD_USER, 1);
        assertBadLine("alice:\n", Reason.EMPTY_PASSWORD, 1);
        assertBadLine("alice:a\nbob:b\nalice:c\n", Reason.DUPLICATE_USER, 3);
    }

    @Test
    void moreThanMaxUsers_isRefused() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= UsersFile.MAX_USERS; i++) {
            sb.append("u").append(i).append(":p\n");
        }
        assertBadLine(sb.toString(), Reason.TOO_LARGE, UsersFile.MAX_USERS + 1);
    }
}
