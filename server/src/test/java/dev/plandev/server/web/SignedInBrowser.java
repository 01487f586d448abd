package dev.plandev.server.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the browser tests of the UI's pages share: one Chromium per class, and per test a real
 * service ({@link WebServer}) on a random port and a fresh browser context to sign in with.
 */
abstract class SignedInBrowser {
  static Chromium chromium;

  @TempDir Path dir;
  WebServer web;
  BrowserContext context;
  Page page;

  @BeforeAll
  static void startBrowser() {
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** The service a test runs against; a test class may give it more plan files. */
  WebServer server(Path dir) {
    return new WebServer(dir);
  }

  @BeforeEach
  void start() {
    web = server(dir);
    context = chromium.browser.newContext();
    context.setDefaultTimeout(Chromium.PATIENCE_MS);
    page = context.newPage();
  }

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    if (web != null) {
      web.close();
    }
  }

  /** Signs in with {@code key} on the sign-in page and waits for the plans page. */
  void signIn(String key) {
    page.navigate(web.url("/login"));
    page.getByLabel("API key").fill(key);
    page.getByLabel("API key").press("Enter");
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Plans");
  }

  /** Signs out by forgetting the session cookie, then signs in with {@code key}. */
  void signInAs(String key) {
    context.clearCookies();
    signIn(key);
  }

  static Page.GetByRoleOptions named(String name) {
    return new Page.GetByRoleOptions().setName(name);
  }

  static Page.GetByLabelOptions exact() {
    return new Page.GetByLabelOptions().setExact(true);
  }

  /** The anti-forgery token of the signed-in page, as a form would send it. */
  String csrf() {
    return page.locator("form.signout input[name=csrf]").getAttribute("value");
  }
}
