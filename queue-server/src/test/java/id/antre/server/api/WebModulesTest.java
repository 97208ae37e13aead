package id.antre.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages are ES modules spread over several jars (web-common and the four clients) and served
 * from the classpath under {@code /web/}: every import of every module must name a module that
 * is on the classpath, so a file moved between modules cannot leave a page broken at load time.
 */
class WebModulesTest {
  private static final Pattern IMPORT = Pattern.compile(
      "(?m)^\\s*(?:import|export)\\s[^'\"]*?from\\s*['\"]([^'\"]+)['\"]|^\\s*import\\s*['\"]([^'\"]+)['\"]");
  /** Path under web/ -> text of every .js module on the classpath. */
  private static final Map<String, String> MODULES = new TreeMap<>();

  @BeforeAll
  static void readModules() throws IOException, URISyntaxException {
    for (URL root : Collections.list(WebModulesTest.class.getClassLoader().getResources("web"))) {
      URI uri = root.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = jarFileSystem(uri)) {
          collect(jar.getPath("/web"));
        }
      } else {
        collect(Path.of(uri));
      }
    }
  }

  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      throw new IllegalStateException("jar opened twice: " + uri, e);
    }
  }

  private static void collect(Path web) throws IOException {
    try (Stream<Path> files = Files.walk(web)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        MODULES.put(web.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
  }

  @Test
  void theSharedModulesAreServedFromTheWebCommonJarUnderWebCommon() {
    assertThat(MODULES).containsKeys("common/http.js", "common/live.js", "common/i18n.js", "common/dom.js");
    URL http = getClass().getClassLoader().getResource("web/common/http.js");
    assertThat(http).isNotNull();
    assertThat(http.toString()).contains("web-common");
  }

  @Test
  void everyImportOfEveryPageModuleResolvesToAModuleOnTheClasspath() {
    List<String> broken = new ArrayList<>();
    MODULES.forEach((module, text) -> {
      Matcher m = IMPORT.matcher(text);
      while (m.find()) {
        String target = m.group(1) != null ? m.group(1) : m.group(2);
        String resolved = resolve(module, target);
        if (resolved == null || !MODULES.containsKey(resolved)) {
          broken.add(module + " imports " + target);
        }
      }
    });
    assertThat(MODULES).hasSizeGreaterThan(20);
    assertThat(broken).isEmpty();
  }

  @Test
  void noPageScriptIsLongerThanAReaderCanHoldExceptTheOnesNamedHere() {
    // a page script past ~450 lines usually does two jobs (docs/architecture.md); none is allowed more now
    Map<String, Integer> allowed = Map.of();
    List<String> tooLong = new ArrayList<>();
    MODULES.forEach((module, text) -> {
      long lines = text.lines().count();
      if (lines > allowed.getOrDefault(module, 450)) {
        tooLong.add(module + " has " + lines + " lines");
      }
    });
    assertThat(tooLong).isEmpty();
  }

  /** The path under web/ that the browser would load for {@code target} imported by {@code module}. */
  private static String resolve(String module, String target) {
    if (target.startsWith("/web/")) {
      return target.substring("/web/".length());
    }
    if (target.startsWith("./") || target.startsWith("../")) {
      return Path.of(module).resolveSibling(target).normalize().toString().replace('\\', '/');
    }
    return null;
  }
}
