package dev.parley.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerWheelTest {

    private long now;
    private final Clock clock = () -> now;

    @Test
    void timer_runsAtFirstTickAtOrAfterDeadline() {
        TimerWheel wheel = new TimerWheel(clock, 10, 8, 100);
        List<Long> ran = new ArrayList<>();
        wheel.schedule(25, () -> ran.add(now));
        for (now = 0; now <= 100; now++) {
            wheel.runDue();
        }
        assertEquals(List.of(30L), ran);
    }

    @Test
    void timersBeyondOneRevolution_waitForTheirRound() {
        TimerWheel wheel = new TimerWheel(clock, 1, 4, 100);
        List<Long> ran = new ArrayList<>();
        wheel.schedule(3, () -> ran.add(now));
        wheel.schedule(7, () -> ran.add(now));
        wheel.schedule(11, () -> ran.add(now));
        for (now = 0; now <= 20; now++) {
            wheel.runDue();
        }
        assertEquals(List.of(3L, 7L, 11L), ran);
        assertEquals(0, wheel.size());
    }

    @Test
    void cancel_removesTimerAndIsIdempotent() {
        TimerWheel wheel = new TimerWheel(clock, 1, 16, 100);
        List<String> ran = new ArrayList<>();
        Timeout a = wheel.schedule(5, () -> ran.add("a"));
        wheel.schedule(5, () -> ran.add("b"));
        assertTrue(a.cancel());
        assertFalse(a.cancel());
        assertFalse(a.isPending());
        assertEquals(1, wheel.size());
        now = 5;
        wheel.runDue();
        assertEquals(List.of("b"), ran);
    }

    @Test
    void taskCancellingItsBucketNeighbour_doesNotRunIt() {
        TimerWheel wheel = new TimerWheel(clock, 1, 16, 100);
        List<String> ran = new ArrayList<>();
        Timeout[] b = new Timeout[1];
        wheel.schedule(5, () -> {
            ran.add("a");
            b[0].cancel();
        });
        b[0] = wheel.schedule(5, () -> ran.add("b"));
        wheel.schedule(5, () -> ran.add("c"));
        now = 5;
        wheel.runDue();
        assertEquals(List.of("a", "c"), ran);
        assertEquals(0, wheel.size());
    }

    @Test
    void sameTickTimers_runInSchedulingOrder() {
        TimerWheel wheel = new TimerWheel(clock, 1, 16, 100);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            wheel.schedule(3, () -> ran.add(n));
        }
        now = 3;
        wheel.runDue();
        assertEquals(List.of(0, 1, 2, 3, 4), ran);
    }

    @Test
    void longStall_runsEveryOverdueTimerOnce() {
        TimerWheel wheel = new TimerWheel(clock, 1, 8, 100);
        List<Integer> ran = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            int n = i;
            wheel.schedule(i * 3L, () -> ran.add(n));
        }
        now = 1000;
        wheel.runDue();
        assertEquals(20, ran.size());
        assertEquals(0, wheel.size());
    }

    @Test
    void failingTask_doesNotStopTheOthers() {
        TimerWheel wheel = new TimerWheel(clock, 1, 8, 100);
        List<String> ran = new ArrayList<>();
        wheel.schedule(1, () -> {
            throw new IllegalStateException("boom");
        });
        wheel.schedule(1, () -> ran.add("after"));
        now = 1;
        wheel.runDue();
        assertEquals(List.of("after"), ran);
        assertEquals(1, wheel.failedTasks());
    }

    @Test
    void schedule_refusesBeyondMaxTimers() {
        TimerWheel wheel = new TimerWheel(clock, 1, 8, 2);
        wheel.schedule(1, () -> { });
        wheel.schedule(1, () -> { });
        assertThrows(IllegalStateException.class, () -> wheel.schedule(1, () -> { }));
    }

    @Test
    void virtualTime_runsEachTimerAtItsOwnInstant() {
        VirtualTime time = new VirtualTime();
        List<Long> ran = new ArrayList<>();
        time.schedule(500, () -> ran.add(time.now()));
        time.schedule(1500, () -> ran.add(time.now()));
        time.schedule(1500, () -> time.schedule(0, () -> ran.add(-time.now())));
        time.advance(10_000);
        assertEquals(List.of(500L, 1500L, -1500L), ran);
        assertEquals(10_000, time.now());
        assertEquals(0, time.pendingTimers());
    }
}
