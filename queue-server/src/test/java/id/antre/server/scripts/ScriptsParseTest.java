package id.antre.server.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shell script of the repository parses ({@code bash -n}): a merge that loses a {@code fi}
 * breaks a script only when it runs, which for the benchmark can be the next idle machine.
 */
class ScriptsParseTest {

  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("scripts"))) {
      p = p.getParent();
    }
    assertThat(p).as("the repository root (with scripts/) above " + Path.of("").toAbsolutePath()).isNotNull();
    return p;
  }

  static boolean isShell(Path f) {
    try {
      String first = Files.readAllLines(f, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      return f.toString().endsWith(".sh") || first.startsWith("#!") && first.contains("bash");
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  @Test
  void everyShellScriptParses() throws Exception {
    Path root = root();
    List<Path> scripts = new ArrayList<>();
    for (String dir : List.of("scripts", "scripts/bench.d", ".ci")) {
      try (Stream<Path> files = Files.list(root.resolve(dir))) {
        files.filter(Files::isRegularFile).filter(ScriptsParseTest::isShell).forEach(scripts::add);
      }
    }
    assertThat(scripts).as("scripts found").extracting(p -> p.getFileName().toString())
        .contains("start", "test", "bench", "lib.sh", "run");
    for (Path script : scripts) {
      Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(root.relativize(script) + " does not parse: " + out).isZero();
    }
  }
}
