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

    @Test
    void earliestDue_saysHowLateTheLoopIs_beforeAndAfterItCatchesUp() {
        TickSchedule<String> schedule = new TickSchedule<>();
        assertEquals(Long.MAX_VALUE, schedule.earliestDue());
        schedule.add("a", 20 * MS, 20 * MS);
        schedule.add("b", 20 * MS, 25 * MS);
        assertEquals(20 * MS, schedule.earliestDue());
        // The loop reaches its select at 33 ms without running ticks: "a" is 13 ms late. The
        // selector loop reads its sockets in batches while the next tick is over 2 ms late.
        assertEquals(20 * MS, schedule.earliestDue());
        assertEquals(0, schedule.nanosUntilNext(33 * MS));
        schedule.runDue(33 * MS, (i, d) -> { });
        assertEquals(40 * MS, schedule.earliestDue());
        assertEquals(7 * MS, schedule.nanosUntilNext(33 * MS));
        schedule.add("c", 20 * MS, 300 * MS); // more than a turn of the wheel ahead
        schedule.runDue(45 * MS, (i, d) -> { });
        schedule.runDue(50 * MS, (i, d) -> { });
        assertEquals(60 * MS, schedule.earliestDue());
    }

    /** Entries of mixed periods and phases (some beyond one turn of the wheel), checked one by one. */
    @Test
    void manyEntries_eachTicksOnItsOwnGrid_inDueOrderAcrossSlots() {
        TickSchedule<Integer> schedule = new TickSchedule<>();
        SplittableRandom rnd = new SplittableRandom(11);
        int count = 500;
        long[] period = new long[count];
        long[] expected = new long[count];
        List<TickSchedule.Entry<Integer>> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // 10–60 ms ptimes, and a few periods longer than the wheel's turn (134 ms)
            period[i] = i % 50 == 0 ? rnd.nextLong(200, 900) * MS : rnd.nextLong(1, 7) * 10 * MS;
            expected[i] = rnd.nextLong(0, 300 * MS);
            entries.add(schedule.add(i, period[i], expected[i]));
        }
        long[] ticks = new long[count];
        long now = 0;
        for (int round = 0; round < 20_000; round++) {
            now += rnd.nextLong(0, 2 * MS);
            long before = now;
            long[] previousSlot = {Long.MIN_VALUE};
            schedule.runDue(now, (i, due) -> {
                assertEquals(expected[i], due, "entry " + i + " ticks on its grid, none skipped");
                assertTrue(due <= before, "never early");
                long slot = due >> TickSchedule.SLOT_SHIFT;
                assertTrue(slot >= previousSlot[0], "slots run in due order");
                previousSlot[0] = slot;
                expected[i] += period[i];
                ticks[i]++;
            });
            long next = schedule.nanosUntilNext(now);
            long earliest = Long.MAX_VALUE;
            for (long e : expected) {
                earliest = Math.min(earliest, e);
            }
            assertEquals(Math.max(0, earliest - now), next, "the next tick is the earliest of all");
            assertTrue(next > 0, "nothing due is left behind");
        }
        for (int i = 0; i < count; i++) {
            assertTrue(expected[i] > now && expected[i] - period[i] <= now, "entry " + i + " is up to date");
            assertTrue(ticks[i] > 0);
        }
        assertEquals(count, schedule.size());
    }

    @Test
    void periodChange_andCancelWhileOthersTick() {
        TickSchedule<String> schedule = new TickSchedule<>();
        TickSchedule.Entry<String> a = schedule.add("a", 20 * MS, 20 * MS);
        TickSchedule.Entry<String> b = schedule.add("b", 20 * MS, 20 * MS);
        List<String> log = new ArrayList<>();
        schedule.runDue(20 * MS, (i, d) -> log.add(i + d / MS));
        a.period(30 * MS); // takes effect from the next tick: 40, then 70
        b.cancel();
        for (long t = 21; t <= 100; t++) {
            schedule.runDue(t * MS, (i, d) -> log.add(i + d / MS));
        }
        assertTrue(log.containsAll(List.of("a20", "b20", "a40", "a70", "a100")), log.toString());
        assertEquals(5, log.size(), log.toString());
        assertEquals(1, schedule.size());
        assertEquals(30 * MS, schedule.nanosUntilNext(100 * MS));
    }

    @Test
    void anEntryAddedBehindTheCursor_runsAtTheNextCall() {
        TickSchedule<String> schedule = new TickSchedule<>();
        schedule.add("a", 20 * MS, 500 * MS);
        assertEquals(0, schedule.runDue(400 * MS, (i, d) -> { }));
        schedule.add("late", 20 * MS, 100 * MS); // already due when added
        assertEquals(0, schedule.nanosUntilNext(400 * MS));
        List<Long> dues = new ArrayList<>();
        schedule.runDue(401 * MS, (i, d) -> dues.add(d / MS));
        // 300 ms behind: skips ahead (MAX_BEHIND) and runs a bounded catch-up, never the whole backlog
        assertTrue(dues.size() <= TickSchedule.MAX_BEHIND + 2, dues.toString());
        assertEquals(100L, dues.get(0));
    }

    /** Entries live in arrays by number: a number freed by a cancelled entry serves a new one. */
    @Test
    void aCancelledHandle_cannotTouchTheEntryThatReusesItsNumber() {
        TickSchedule<String> schedule = new TickSchedule<>();
        TickSchedule.Entry<String> old = schedule.add("old", 20 * MS, 20 * MS);
        old.cancel();
        assertEquals(0, schedule.runDue(20 * MS, (i, d) -> { })); // the wheel drops it and frees its number
        assertEquals(0, schedule.size());
        TickSchedule.Entry<String> fresh = schedule.add("fresh", 20 * MS, 40 * MS);
        old.cancel();
        old.period(5 * MS);
        List<String> log = new ArrayList<>();
        for (long t = 21; t <= 80; t++) {
            schedule.runDue(t * MS, (i, d) -> log.add(i + d / MS));
        }
        assertEquals(List.of("fresh40", "fresh60", "fresh80"), log);
        assertEquals("fresh", fresh.item());
        assertEquals(1, schedule.size());
    }

    @Test
    void thousandsOfEntries_growTheArrays_andAllTick() {
        TickSchedule<Integer> schedule = new TickSchedule<>();
        int count = 5_000;
        for (int i = 0; i < count; i++) {
            schedule.add(i, 20 * MS, 20 * MS + i * 20 * MS / count);
        }
        boolean[] ticked = new boolean[count];
        int[] runs = {0};
        for (long t = 1; t <= 40; t++) { // first ticks fall in [20, 40) ms; entry 0's second is at 40
            schedule.runDue(t * MS - 1, (i, d) -> {
                ticked[i] = true;
                runs[0]++;
            });
        }
        for (int i = 0; i < count; i++) {
            assertTrue(ticked[i], "entry " + i);
        }
        assertEquals(count, runs[0], "each entry once in its first 20 ms");
        assertEquals(count, schedule.size());
    }
}
