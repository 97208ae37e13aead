package id.antre.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final long S = 1_000_000_000L;

  @Test
  void intendedStartsDoNotDriftWhenTheIntervalIsNotAWholeNumberOfNanoseconds() {
    Schedule s = new Schedule(1_000, 3, 1_000 + 100 * S); // 333,333,333.3 ns apart
    assertEquals(1_000, s.intended(0));
    assertEquals(1_000 + 333_333_333, s.intended(1));
    assertEquals(1_000 + S, s.intended(3));
    assertEquals(1_000 + 100 * S, s.intended(300));
  }

  @Test
  void theWindowHoldsRateTimesDurationRequests() {
    assertEquals(3000, new Schedule(0, 1000, 3 * S).total());
    assertEquals(300, new Schedule(5, 3, 5 + 100 * S).total());
    assertEquals(2, new Schedule(0, 1.5, S).total()); // at 0 and 0.667 s
    assertEquals(1, new Schedule(0, 0.5, S).total());
  }

  @Test
  void dueByCountsTheRequestsWhoseIntendedStartHasCome() {
    Schedule s = new Schedule(100, 1000, 100 + S);
    assertEquals(0, s.dueBy(99));
    assertEquals(1, s.dueBy(100));
    assertEquals(1, s.dueBy(100 + 999_999));
    assertEquals(2, s.dueBy(100 + 1_000_000));
    assertEquals(1000, s.dueBy(100 + S - 1));
    assertEquals(1000, s.dueBy(100 + 5 * S), "never more than the window holds");
    for (long t = 100; t < 100 + S; t += 777_777) {
      long n = s.dueBy(t);
      assertTrue(s.intended(n - 1) <= t && s.intended(n) > t, "at " + t);
    }
  }

  @Test
  void aTimerThatFiresLateSendsEveryRequestThatFellDueWithItsOwnIntendedStart() {
    Schedule s = new Schedule(0, 10_000, S);
    long sent = 0;
    long lastIntended = -1;
    // a 1 ms timer that sometimes fires 7 ms late
    for (long now = 0; now < 2 * S; now += (now % 50_000_000 == 0 ? 7_000_000 : 1_000_000)) {
      long due = s.dueBy(now);
      while (sent < due) {
        long intended = s.intended(sent++);
        assertTrue(intended > lastIntended && intended <= now);
        lastIntended = intended;
      }
    }
    assertEquals(10_000, sent);
  }

  @Test
  void loopsOfCountersAddUpToTheRateAndAreSpreadOverOnePeriod() {
    long period = Schedule.loopPeriod(800, 20); // each counter 40/s
    assertEquals(25_000_000, period);
    assertEquals(0, Schedule.firstOfLoop(0, 800, 0));
    assertEquals(1_250_000, Schedule.firstOfLoop(0, 800, 1));
    assertEquals(period - 1_250_000, Schedule.firstOfLoop(0, 800, 19));
    // counter k's i-th cycle is the overall schedule's request k + i * loops
    Schedule all = new Schedule(0, 800, S);
    assertEquals(all.intended(7 + 3 * 20), Schedule.firstOfLoop(0, 800, 7) + 3 * period);
  }

  @Test
  void aFigureIsValidOnlyWhenTheClientKeptItsScheduleWithCpuToSpare() {
    Schedule.Limits l = Schedule.Limits.DEFAULT;
    assertEquals("ok", Schedule.verdict(l, 10_000, 10_000, 1.2, 30, 35));
    assertEquals("ok", Schedule.verdict(l, 10_000, 9_950, 1.2, 30, 35));
    assertEquals("sent_9000_of_10000", Schedule.verdict(l, 10_000, 9_000, 1.2, 30, 35));
    assertEquals("lag_p99", Schedule.verdict(l, 10_000, 10_000, 12, 30, 35));
    assertEquals("lag_p99,lag_max,client_cpu", Schedule.verdict(l, 10_000, 10_000, 12, 400, 95));
    assertEquals("client_cpu", Schedule.verdict(l, 0, 0, 0, 0, 90), "a closed loop is judged by CPU alone");
  }
}
