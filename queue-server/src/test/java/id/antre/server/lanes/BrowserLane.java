package id.antre.server.lanes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * The browser lane: pages in a real headless Chromium.
 * Run alone with {@code scripts/test --lane browser}; a test in it fails by name after 180 s
 * instead of hanging the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
public @interface BrowserLane {
}
