package dev.plandev.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.plandev.testing.Prerequisites;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine's Chromium driven by Playwright, never a browser Playwright would download: skipped
 * without {@code /usr/bin/chromium} on a laptop, a failure in CI (which installs it).
 */
final class Chromium implements AutoCloseable {
  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  final Playwright playwright;
  final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** How long an assertion waits for the page to show what it expects. */
  static final double PATIENCE_MS = 30_000;

  static Chromium launch() {
    Prerequisites.require(
        Files.isExecutable(EXECUTABLE),
        "the browser tests need Chromium at "
            + EXECUTABLE
            + "; install it with: apt-get install -y chromium");
    // Assertions wait for the page to show what is awaited (an SSE update, a reload); on a busy
    // 2-core CI machine the plan watcher's settle time and the browser can take well over the
    // 5 s default. A passing assertion returns as soon as it holds, so only failures wait this
    // long.
    PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MS);
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking")));
    return new Chromium(playwright, browser);
  }

  /** Writes a full-page screenshot of {@code page} to {@code target/screenshots/NAME.png}. */
  static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /**
   * The serious and critical accessibility violations axe-core finds on the page. axe is run
   * through the debugging protocol, which the page's Content-Security-Policy does not apply to.
   */
  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(Page page) {
    page.evaluate(axeSource());
    return (List<String>)
        page.evaluate(
            "async () => {"
                + " const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations"
                + "   .filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => v.id + ': ' + v.help + ' at '"
                + "     + v.nodes.map(n => n.target.join(' ')).join(', '));"
                + "}");
  }

  private static String axeSource() {
    try (InputStream in = Chromium.class.getResourceAsStream(AXE)) {
      if (in == null) {
        throw new IllegalStateException(AXE + " is missing from the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
