package dev.plandev.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swagger UI at /docs, started from a script file, takes a key from #key= and uses it. */
class DocsBrowserTest {
  private static Chromium chromium;

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

  @Test
  void keyInTheFragment_authorisesSwaggerUi_andLeavesTheAddressBar(@TempDir Path dir) {
    try (WebServer web = new WebServer(dir)) {
      BrowserContext context = chromium.browser.newContext();
      context.setDefaultTimeout(Chromium.PATIENCE_MS);
      Page page = context.newPage();
      Response response = page.navigate(web.url("/docs#key=" + web.reader));
      assertThat(response.headers().get("content-security-policy"))
          .contains("script-src 'self';")
          .doesNotContain("script-src 'self' 'unsafe-inline'");

      page.waitForFunction("() => window.ui && window.ui.authSelectors.authorized().size > 0");

      assertThat(
              page.evaluate("() => window.ui.authSelectors.authorized().toJS().bearerAuth.value"))
          .isEqualTo(web.reader);
      assertThat(page.url()).doesNotContain("pdk_");
      Chromium.screenshot(page, "docs");
      context.close();
    }
  }
}
