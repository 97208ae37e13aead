package id.antre.server.lanes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * The hostile lane: generated hostile input and the access matrix.
 * Run alone with {@code scripts/test --lane hostile}; a test in it fails by name after 300 s
 * instead of hanging the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("hostile")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
public @interface HostileLane {
}
