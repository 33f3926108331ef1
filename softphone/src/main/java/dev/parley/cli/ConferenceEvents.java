package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What {@code parley conference} says about its participants: a line of text for a person, and,
 * with {@code --events json}, a {@code joined} or {@code left} event (the same fields as the
 * phone's call events in {@link JsonEventPrinter}: {@code call}, {@code line}, plus {@code remote}
 * and the number of {@code participants} after the change).
 */
final class ConferenceEvents {

    private final PrintStream human;
    private final PrintStream json;
    private final LongSupplier clockMillis;

    /**
     * @param human       where the text lines go
     * @param json        where the JSON events go, or null without {@code --events json}
     * @param clockMillis the events' time stamps
     */
    ConferenceEvents(PrintStream human, PrintStream json, LongSupplier clockMillis) {
        this.human = human;
        this.json = json;
        this.clockMillis = clockMillis;
    }

    void joined(Call call, int participants) {
        human.println("joined: " + call.remote() + " (" + count(participants) + ")");
        emit(event("joined", call).add("participants", participants));
    }

    void left(Call call, CallEnd end, int participants) {
        human.println("left: " + call.remote() + " " + end.cause() + " (" + count(participants) + ")");
        emit(event("left", call).add("cause", end.cause().name().toLowerCase(Locale.ROOT)).add("participants", participants));
    }

    /** An outgoing call that ended before it was answered: it never joined. */
    void failed(Call call, CallEnd end) {
        human.println("call to " + call.remote().uri() + " failed: " + end.cause()
                + (end.statusCode() == 0 ? "" : " " + end.statusCode()) + " " + end.reason());
    }

    /** An outgoing call given up at the end without any response to its INVITE, so without a CANCEL (RFC 3261 §9.1). */
    void abandoned(Call call) {
        human.println("call to " + call.remote().uri() + " abandoned: no response to the INVITE, so no CANCEL can be sent");
    }

    private static String count(int participants) {
        return participants + (participants == 1 ? " participant" : " participants");
    }

    private JsonLine event(String name, Call call) {
        return JsonLine.event(name, clockMillis.getAsLong()).add("call", call.id())
                .add("line", call.line().config().addressOfRecord()).add("remote", call.remote().uri());
    }

    private void emit(JsonLine line) {
        if (json != null) {
            synchronized (json) { // the phone's JsonEventPrinter writes to the same stream
                json.println(line);
            }
        }
    }
}
