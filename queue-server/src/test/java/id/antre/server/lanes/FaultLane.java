package id.antre.server.lanes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * The fault lane: PostgreSQL or the server killed, stopped or frozen under load.
 * Run alone with {@code scripts/test --lane fault}; a test in it fails by name after 240 s
 * instead of hanging the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("fault")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
public @interface FaultLane {
}
