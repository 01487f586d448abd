package dev.plandev.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

/** Swagger UI at /docs, started from a script file, takes a key from #key= and uses it. */
class DocsBrowserTest extends SignedInBrowser {

  @Test
  void keyInTheFragment_authorisesSwaggerUi_andLeavesTheAddressBar() {
    Response response = page.navigate(web.url("/docs#key=" + web.reader));
    assertThat(response.headers().get("content-security-policy"))
        .contains("script-src 'self';")
        .doesNotContain("script-src 'self' 'unsafe-inline'");

    page.waitForFunction("() => window.ui && window.ui.authSelectors.authorized().size > 0");

    assertThat(page.evaluate("() => window.ui.authSelectors.authorized().toJS().bearerAuth.value"))
        .isEqualTo(web.reader);
    assertThat(page.url()).doesNotContain("pdk_");
    Chromium.screenshot(page, "docs");
  }
}
