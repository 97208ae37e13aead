package id.antre.server.lanes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster lane: two or more nodes clustered over Hazelcast on loopback.
 * Run alone with {@code scripts/test --lane cluster}; a test in it fails by name after 300 s
 * instead of hanging the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("cluster")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
public @interface ClusterLane {
}
