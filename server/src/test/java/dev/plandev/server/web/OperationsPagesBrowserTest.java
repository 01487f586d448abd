package dev.plandev.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Operations page and API keys: figures of the running service, key management for admins. */
class OperationsPagesBrowserTest extends SignedInBrowser {

  private Locator keyRow(String name) {
    return page.locator("table.keys tbody tr", new Page.LocatorOptions().setHasText(name));
  }

  @Test
  void operations_showsHealthRequestsCacheBreakersStoreAndJobs() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 5; i++) {
      http.send(
          HttpRequest.newBuilder(URI.create(web.url("/api/v1/stats")))
              .header("Authorization", "Bearer " + web.reader)
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
    signIn(web.reader);
    page.getByRole(AriaRole.LINK, named("Operations")).click();

    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Operations");
    PlaywrightAssertions.assertThat(page.locator("table.health")).containsText("database");
    PlaywrightAssertions.assertThat(
            page.locator("table.health tr", new Page.LocatorOptions().setHasText("database")))
        .containsText("UP");
    PlaywrightAssertions.assertThat(page.locator("table.routes")).containsText("GET /api/v1/stats");
    PlaywrightAssertions.assertThat(page.locator("#latency")).containsText("p95 ≤");
    PlaywrightAssertions.assertThat(page.locator("table.cache")).containsText("L1 (in process)");
    PlaywrightAssertions.assertThat(page.locator("ul.breakers")).containsText("Redis cache");
    PlaywrightAssertions.assertThat(page.locator("table.jobs")).containsText("maintenance");
    PlaywrightAssertions.assertThat(page.locator("table.jobs")).containsText("expiry-sweep");
    PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, named("API keys"))).hasCount(0);
    Chromium.screenshot(page, "operations");
    assertThat(Chromium.seriousViolations(page)).as("operations").isEmpty();
  }

  @Test
  void admin_createsAKeyShownOnce_andRevokesOne() {
    signIn(web.admin);
    page.navigate(web.url("/operations"));
    page.getByRole(AriaRole.LINK, named("API keys")).click();
    PlaywrightAssertions.assertThat(keyRow("editor")).containsText("editor");
    assertThat(Chromium.seriousViolations(page)).as("keys").isEmpty();

    page.getByLabel("Name").fill("ci-bot");
    page.getByLabel("Role").selectOption("editor");
    page.getByRole(AriaRole.BUTTON, named("Create key")).click();

    PlaywrightAssertions.assertThat(page.locator("#new-secret")).hasText(Pattern.compile("^pdk_"));
    String secret = page.locator("#new-secret").textContent();
    assertThat(web.defaults.apiKeys().authenticate(secret))
        .get()
        .extracting(ApiKey::role)
        .isEqualTo(Role.EDITOR);
    Chromium.screenshot(page, "keys-created");
    page.navigate(web.url("/operations/keys"));
    assertThat(page.content()).doesNotContain(secret);

    page.getByRole(AriaRole.BUTTON, named("Revoke ci-bot")).click();

    PlaywrightAssertions.assertThat(page.locator(".notice")).containsText("Revoked the key ci-bot");
    PlaywrightAssertions.assertThat(keyRow("ci-bot")).containsText("revoked");
    assertThat(web.defaults.apiKeys().authenticate(secret)).isEmpty();
    assertThat(web.defaults.store().changes(null, 1, 10).items())
        .filteredOn(c -> c.entity().equals("api_key") && "revoke".equals(c.operation()))
        .extracting(Change::actor)
        .containsExactly("admin");
  }

  @Test
  void badKeyName_isShownNextToTheField() {
    signIn(web.admin);
    page.navigate(web.url("/operations/keys"));
    page.getByLabel("Name").fill("no spaces allowed");
    page.getByRole(AriaRole.BUTTON, named("Create key")).click();
    PlaywrightAssertions.assertThat(page.locator("#k-name-error")).containsText("must be 1 to 64");
    PlaywrightAssertions.assertThat(page.getByLabel("Name")).hasAttribute("aria-invalid", "true");
    PlaywrightAssertions.assertThat(page.locator("#new-secret")).hasCount(0);
  }

  @Test
  void editor_cannotManageKeys() {
    signIn(web.editor);
    Response list = page.navigate(web.url("/operations/keys"));
    assertThat(list.status()).isEqualTo(403);
    PlaywrightAssertions.assertThat(page.locator("main")).containsText("needs admin");
    assertThat(Chromium.seriousViolations(page)).as("403").isEmpty();
    long readerId =
        web.defaults.apiKeys().list().stream()
            .filter(k -> k.name().equals("reader"))
            .findFirst()
            .orElseThrow()
            .id();
    APIResponse revoke =
        page.request()
            .post(
                web.url("/operations/keys/revoke"),
                RequestOptions.create()
                    .setForm(
                        FormData.create().set("csrf", csrf()).set("id", Long.toString(readerId))));
    APIResponse create =
        page.request()
            .post(
                web.url("/operations/keys"),
                RequestOptions.create()
                    .setForm(
                        FormData.create()
                            .set("csrf", csrf())
                            .set("name", "x")
                            .set("role", "admin")));
    assertThat(revoke.status()).isEqualTo(403);
    assertThat(create.status()).isEqualTo(403);
    assertThat(web.defaults.apiKeys().authenticate(web.reader)).isPresent();
    assertThat(web.defaults.apiKeys().list()).hasSize(3);
  }
}
