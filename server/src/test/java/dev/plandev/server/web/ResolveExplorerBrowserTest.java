package dev.plandev.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The resolve explorer: every entry of a key, the winner and why the others lose. */
class ResolveExplorerBrowserTest extends SignedInBrowser {

  private void put(DefaultSpec spec) {
    web.defaults.store().put(spec, Actor.of("setup"));
  }

  private Locator row(String context) {
    return page.locator("table.candidates tbody tr", new Page.LocatorOptions().setHasText(context));
  }

  @Test
  void showsTheWinner_andWhyEveryOtherEntryLoses() {
    put(DefaultSpec.of("db.host", "localhost"));
    put(DefaultSpec.of("db.hostname", "another key")); // the key is a prefix of this one
    put(DefaultSpec.of("db.host", "db.prod").withContext(Context.of("env", "prod")));
    put(
        DefaultSpec.of("db.host", "db.prod.web")
            .withContext(Context.of("env", "prod", "project", "web")));
    put(DefaultSpec.of("db.host", "db.dev").withContext(Context.of("env", "dev")));
    put(
        DefaultSpec.of("db.host", "db.old")
            .withContext(Context.of("env", "prod", "region", "eu"))
            .withDeprecated(true));
    put(
        DefaultSpec.of("db.host", "db.gone")
            .withContext(Context.of("env", "prod", "team", "a"))
            .withExpiresAt(Instant.parse("2020-01-01T00:00:00Z")));
    signIn(web.reader);
    page.getByRole(AriaRole.LINK, named("Resolve")).click();
    page.getByLabel("Key", exact()).fill("db.host");
    page.getByLabel("Request context").fill("env=prod, project=web, region=eu, team=a");
    page.getByLabel("Request context").press("Enter");

    PlaywrightAssertions.assertThat(page.locator("#answer")).containsText("db.prod.web");
    PlaywrightAssertions.assertThat(page.locator("#answer")).containsText("matches 2 field(s)");
    PlaywrightAssertions.assertThat(page.locator("table.candidates tbody tr")).hasCount(6);
    PlaywrightAssertions.assertThat(page.locator("tr.winner")).containsText("project=web");
    PlaywrightAssertions.assertThat(row("db.old")).containsText("deprecated: never wins");
    PlaywrightAssertions.assertThat(row("db.old").locator(".struck").first()).isVisible();
    PlaywrightAssertions.assertThat(row("db.gone")).containsText("expired");
    PlaywrightAssertions.assertThat(row("db.dev")).containsText("is for env=dev");
    PlaywrightAssertions.assertThat(row("localhost"))
        .containsText("the answer is more specific (2 fields against 0)");
    Chromium.screenshot(page, "resolve");
    assertThat(Chromium.seriousViolations(page)).as("resolve").isEmpty();
  }

  @Test
  void noEntryApplies_saysSo_andABadContextIsShownNextToItsField() {
    put(DefaultSpec.of("db.host", "db.dev").withContext(Context.of("env", "dev")));
    signIn(web.reader);
    page.navigate(web.url("/resolve?key=db.host&context=env%3Dprod"));
    PlaywrightAssertions.assertThat(page.locator("#answer")).containsText("No answer");
    PlaywrightAssertions.assertThat(page.locator("table.candidates tbody tr")).hasCount(1);

    page.getByLabel("Request context").fill("prod");
    page.getByLabel("Request context").press("Enter");
    PlaywrightAssertions.assertThat(page.locator("#r-context-error")).containsText("NAME=VALUE");
    PlaywrightAssertions.assertThat(page.getByLabel("Request context"))
        .hasAttribute("aria-invalid", "true");
  }
}
