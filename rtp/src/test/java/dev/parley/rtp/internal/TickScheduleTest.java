package dev.parley.rtp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TickScheduleTest {

    private static final long MS = 1_000_000L;

    @Test
    void lateWakeUps_doNotShiftLaterTicks_noDriftOverAnHour() {
        TickSchedule<String> schedule = new TickSchedule<>();
        schedule.add("a", 20 * MS, 20 * MS);
        schedule.add("b", 30 * MS, 30 * MS);
        List<Long> dueA = new ArrayList<>();
        int[] countB = {0};
        SplittableRandom rnd = new SplittableRandom(3);
        long now = 0;
        long hour = 3_600_000 * MS;
        while (now < hour) {
            now += rnd.nextLong(1, 8 * MS); // the selector wakes up a little late, irregularly
            schedule.runDue(now, (item, due) -> {
                if (item.equals("a")) {
                    dueA.add(due);
                } else {
                    countB[0]++;
                }
            });
        }
        assertEquals(hour / (20 * MS), dueA.size(), "one tick per 20 ms, none lost or added");
        assertEquals(hour / (30 * MS), countB[0]);
        for (int i = 0; i < dueA.size(); i++) {
            assertEquals((i + 1) * 20 * MS, dueA.get(i)); // due times stay on the grid
        }
    }

    @Test
    void longStall_skipsAheadInsteadOfBursting() {
        TickSchedule<String> schedule = new TickSchedule<>();
        TickSchedule.Entry<String> e = schedule.add("a", 20 * MS, 20 * MS);
        assertEquals(1, schedule.runDue(20 * MS, (i, d) -> { }));
        int burst = schedule.runDue(1020 * MS, (i, d) -> { }); // a one-second stall
        assertTrue(burst <= TickSchedule.MAX_BEHIND + 1, "burst " + burst);
        assertTrue(e.skipped() >= 40, "skipped " + e.skipped());
        assertEquals(0, schedule.nanosUntilNext(1040 * MS));
    }

    @Test
    void aTickThatThrows_staysScheduled() {
        TickSchedule<String> schedule = new TickSchedule<>();
        schedule.add("a", 20 * MS, 20 * MS);
        for (long t = 20; t <= 60; t += 20) {
            long now = t * MS;
            try {
                schedule.runDue(now, (i, d) -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the caller (the selector loop) counts it
            }
            assertEquals((t + 20) * MS - now, schedule.nanosUntilNext(now));
        }
    }

    @Test
    void cancelledEntries_stopTicking_andLeaveTheHeap() {
        TickSchedule<String> schedule = new TickSchedule<>();
        TickSchedule.Entry<String> e = schedule.add("a", 20 * MS, 20 * MS);
        e.cancel();
        assertEquals(0, schedule.runDue(100 * MS, (i, d) -> { }));
        assertEquals(-1, schedule.nanosUntilNext(100 * MS));
        assertEquals(0, schedule.size());
    }
}
