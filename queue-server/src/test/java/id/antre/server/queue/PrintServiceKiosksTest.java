package id.antre.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The kiosks-with-a-printer set is replaced whole, never seen half-refilled by an issue. */
class PrintServiceKiosksTest {

  @Test
  void aKioskWithAPrinterKeepsItsPrinterWhileTheSetIsRefreshed() throws Exception {
    Set<String> kiosks = Set.of("kiosk-1", "kiosk-2", "kiosk-3");
    PrintService printing = new PrintService(null, null, null, Clock.systemUTC(), "http://127.0.0.1", 3,
        Duration.ofSeconds(1), Duration.ofMinutes(10), () -> Future.succeededFuture(kiosks));
    printing.refreshKiosks();
    Actor kiosk = new Actor("kiosk-2", Actor.Role.KIOSK, null, "kiosk-2");

    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong refreshes = new AtomicLong();
    Thread refresher = new Thread(() -> {
      while (!stop.get()) {
        printing.refreshKiosks();
        refreshes.incrementAndGet();
      }
    });
    refresher.start();
    long missed = 0;
    long issues = 0;
    long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    // issue as long as the refresher has had time to run many times
    while (System.nanoTime() < until || refreshes.get() < 10_000) {
      if (printing.printerFor(kiosk, true) == null) {
        missed++;
      }
      issues++;
    }
    stop.set(true);
    refresher.join();
    assertThat(refreshes.get()).isGreaterThan(10_000);
    assertThat(missed).as("issues without a printer out of %d during %d refreshes", issues, refreshes.get())
        .isZero();
  }
}
