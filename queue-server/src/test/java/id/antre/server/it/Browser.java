package id.antre.server.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for page tests (display, kiosk, counter), driven by Selenium with
 * the system's chromedriver: no network, no Selenium Manager, a fresh profile that is deleted on
 * close. A machine without Chromium fails the test with a clear message rather than skipping it:
 * {@code scripts/test} installs it.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of(System.getProperty("antre.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getProperty("antre.chromedriver", "/usr/bin/chromedriver"));
  public static final Duration WAIT = Duration.ofSeconds(20);

  public final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A headless Chromium with a window of the given size (the page's viewport is that size). */
  public static Browser open(int width, int height) {
    requireExecutable(CHROMIUM, "Chromium");
    requireExecutable(CHROMEDRIVER, "chromedriver");
    // Selenium Manager would otherwise try to download a driver
    System.setProperty("SE_OFFLINE", "true");
    Path profile;
    try {
      profile = Files.createTempDirectory("antre-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--autoplay-policy=no-user-gesture-required", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      Browser b = new Browser(driver, profile);
      b.size(width, height);
      return b;
    } catch (RuntimeException e) {
      deleteTree(profile);
      throw e;
    }
  }

  private static void requireExecutable(Path p, String what) {
    if (!Files.isExecutable(p)) {
      throw new IllegalStateException(what + " not found at " + p + ": install it with "
          + "'apt-get install -y chromium chromium-driver' (scripts/test does) to run the browser tests");
    }
  }

  public Browser go(String url) {
    driver.get(url);
    return this;
  }

  /**
   * Makes the page's viewport exactly width x height (headless window sizes count the window
   * frame on some versions, so the outer size is corrected by what the page reports).
   */
  public Browser size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    Object inner = js("return [window.innerWidth, window.innerHeight];");
    if (inner instanceof java.util.List<?> l && l.size() == 2) {
      int dw = width - ((Number) l.get(0)).intValue();
      int dh = height - ((Number) l.get(1)).intValue();
      if (dw != 0 || dh != 0) {
        driver.manage().window().setSize(new Dimension(width + dw, height + dh));
      }
    }
    return this;
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits (up to {@link #WAIT}) until the condition returns something other than null or false. */
  public <T> T until(Function<WebDriver, T> condition) {
    return until(WAIT, condition);
  }

  /**
   * Pages redraw parts of themselves on every live update, so an element found a moment ago may be
   * gone: a condition that meets a stale element is simply evaluated again.
   */
  public <T> T until(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Clicks the element the selector finds when the click lands, even if a redraw replaced it meanwhile. */
  public void click(String css) {
    until(d -> {
      find(css).click();
      return true;
    });
  }

  /** The element's text, read again if a redraw replaced the element between finding and reading. */
  public String text(String css) {
    return until(d -> find(css).getText());
  }

  /** A data attribute of body, e.g. {@code body("announced")} for {@code data-announced}. */
  public String body(String dataKey) {
    Object v = js("return document.body.dataset[arguments[0]];", dataKey);
    return v == null ? "" : v.toString();
  }

  public Path screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  /** Chromium's helper processes may still write to the profile for a moment after quit: retry. */
  private static void deleteTree(Path dir) {
    for (int attempt = 0; attempt < 10 && dir != null && Files.exists(dir); attempt++) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // a file vanished while walking: look again
      }
      if (Files.exists(dir)) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
