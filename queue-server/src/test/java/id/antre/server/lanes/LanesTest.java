package id.antre.server.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * scripts/test runs the integration tests lane by lane, by tag: an integration test without a
 * lane would never run, and one with two would run twice. This keeps every {@code *IT} in exactly
 * one.
 */
class LanesTest {
  static final Set<Class<? extends Annotation>> LANES =
      Set.of(CoreLane.class, BrowserLane.class, FaultLane.class, ClusterLane.class, HostileLane.class);

  @Test
  void everyIntegrationTestIsInExactlyOneLane() throws Exception {
    List<String> wrong = new ArrayList<>();
    List<Class<?>> tests = integrationTests();
    for (Class<?> c : tests) {
      long lanes = LANES.stream().filter(c::isAnnotationPresent).count();
      if (lanes != 1) {
        wrong.add(c.getSimpleName() + " is in " + lanes + " lanes");
      }
    }
    assertThat(tests).as("integration tests found").hasSizeGreaterThan(10);
    assertThat(wrong).isEmpty();
  }

  static List<Class<?>> integrationTests() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(LanesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith("IT.class")).toList()) {
        String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
        found.add(Class.forName(name));
      }
    }
    return found;
  }
}
