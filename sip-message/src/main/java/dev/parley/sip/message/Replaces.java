package dev.parley.sip.message;

/**
 * RFC 3891 §6.1 Replaces: {@code callid *(SEMI replaces-param)} naming the dialog to replace.
 *
 * @param callId    Call-ID of the dialog
 * @param toTag     its to-tag
 * @param fromTag   its from-tag
 * @param earlyOnly whether only an early dialog may be replaced
 * @param params    all parameters as received
 */
public record Replaces(String callId, String toTag, String fromTag, boolean earlyOnly, Parameters params) {

    @Override
    public String toString() {
        return callId + params;
    }
}
