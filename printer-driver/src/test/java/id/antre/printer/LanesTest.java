package id.antre.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * scripts/test runs integration tests lane by lane, by tag: an {@code *IT} without a lane tag
 * would never run there. Each one here is in the core lane and has a time limit.
 */
class LanesTest {

  @Test
  void everyIntegrationTestIsInTheCoreLaneWithATimeLimit() throws Exception {
    Path root = Path.of(LanesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> wrong = new ArrayList<>();
    int found = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith("IT.class")).toList()) {
        Class<?> c = Class.forName(root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""));
        found++;
        Tag tag = c.getAnnotation(Tag.class);
        if (tag == null || !"core".equals(tag.value()) || !c.isAnnotationPresent(Timeout.class)) {
          wrong.add(c.getSimpleName());
        }
      }
    }
    assertThat(found).isPositive();
    assertThat(wrong).as("without @Tag(\"core\") and @Timeout").isEmpty();
  }
}
