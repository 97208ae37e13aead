package id.antre.server.lanes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * The core lane: the API, the store, the gateway and printing over ptys, run on every change with the unit
 * tests ({@code scripts/test --fast}).
 * Run alone with {@code scripts/test --lane core}; a test in it fails by name after 120 s
 * instead of hanging the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("core")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public @interface CoreLane {
}
