package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.ua.RegistrationState;
import dev.parley.ua.RegistrationStatus;
import org.junit.jupiter.api.Test;

class FirstRegistrationOutcomeTest {

    @Test
    void transientStates_doNotSettle_theFirstRegisteredOrFailedDoes_andLaterOnesDoNotReplaceIt() {
        FirstRegistrationOutcome outcome = new FirstRegistrationOutcome();
        outcome.offer(new RegistrationStatus(RegistrationState.REGISTERING, 0, "sending REGISTER", 0));
        outcome.offer(new RegistrationStatus(RegistrationState.UNREGISTERED, 0, "not yet", 0));
        assertFalse(outcome.future().isDone());

        RegistrationStatus failed = new RegistrationStatus(RegistrationState.FAILED, 403, "Forbidden", 0);
        outcome.offer(failed);
        outcome.offer(new RegistrationStatus(RegistrationState.REGISTERED, 200, "OK", 3600));
        assertEquals(failed, outcome.future().getNow(null));
    }

    @Test
    void registered_settlesWithTheGrantedExpiry() {
        FirstRegistrationOutcome outcome = new FirstRegistrationOutcome();
        outcome.offer(new RegistrationStatus(RegistrationState.REGISTERED, 200, "OK", 600));
        assertEquals(600, outcome.future().getNow(null).expiresSeconds());
    }
}
