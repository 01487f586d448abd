package dev.plandev.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Learning page: ranked candidates with their features, usage, accuracy and calibration. */
class LearningPageBrowserTest extends SignedInBrowser {
  private static final Instant DAY_ONE = Instant.parse("2026-11-20T09:00:00Z");

  private final TestClock clock = new TestClock(DAY_ONE);

  @Override
  WebServer server(Path dir) {
    return new WebServer(dir, clock);
  }

  private void feedback(String value, Outcome outcome, String suggested) {
    web.defaults.feedback(
        new Feedback("plan.author", Context.of("user", "ada"), value, outcome, suggested, "test"));
  }

  @Test
  void showsCandidates_usagePerDay_accuracy_andCalibration() {
    // Day one: Ada types her name twice, with nothing suggested.
    feedback("Ada", Outcome.CHOSEN, null);
    feedback("Ada", Outcome.CHOSEN, null);
    // Day two: the suggestion is taken three times, overridden once.
    clock.advance(Duration.ofDays(1));
    feedback("Ada", Outcome.ACCEPTED, "Ada");
    feedback("Ada", Outcome.ACCEPTED, "Ada");
    feedback("Ada", Outcome.CHOSEN, "Ada");
    feedback("Grace", Outcome.CHOSEN, "Ada");
    clock.advance(Duration.ofDays(1));
    signIn(web.reader);
    page.getByRole(AriaRole.LINK, named("Learning")).click();
    page.getByRole(AriaRole.LINK, named("plan.author")).click();
    PlaywrightAssertions.assertThat(page.locator("table.predictions tbody tr")).hasCount(2);

    page.getByLabel("Context").fill("user=ada");
    page.getByRole(AriaRole.BUTTON, named("Rank")).click();

    PlaywrightAssertions.assertThat(page.locator("table.predictions tbody tr").first())
        .containsText("Ada");
    PlaywrightAssertions.assertThat(page.locator("table.predictions tbody tr").first())
        .containsText("used 5 times");
    PlaywrightAssertions.assertThat(page.locator("table.predictions tbody tr").nth(1))
        .containsText("Grace");
    PlaywrightAssertions.assertThat(page.locator("table.days tbody tr")).hasCount(2);
    PlaywrightAssertions.assertThat(page.locator("table.days tbody tr").nth(0))
        .containsText("2026-11-20");
    PlaywrightAssertions.assertThat(page.locator("table.days tbody tr").nth(1)).containsText("75%");
    PlaywrightAssertions.assertThat(page.locator("figure.usage svg rect.bar.accepted")).hasCount(1);
    PlaywrightAssertions.assertThat(page.locator("figure.usage svg rect.bar.unsuggested"))
        .hasCount(1);
    PlaywrightAssertions.assertThat(page.locator("figure.accuracy svg circle.dot")).hasCount(1);
    PlaywrightAssertions.assertThat(page.locator("#calibration")).containsText("last 6 choices");
    PlaywrightAssertions.assertThat(page.locator("figure.calibration svg polyline.ideal"))
        .hasCount(1);
    PlaywrightAssertions.assertThat(page.locator("table.bins tbody tr").first()).isVisible();
    Chromium.screenshot(page, "learning");
    assertThat(Chromium.seriousViolations(page)).as("learning").isEmpty();
  }

  @Test
  void nothingLearned_saysHowToTeach_andABadContextIsShownNextToItsField() {
    signIn(web.reader);
    page.navigate(web.url("/learning"));
    PlaywrightAssertions.assertThat(page.locator("main")).containsText("Nothing learned yet");
    assertThat(Chromium.seriousViolations(page)).as("learning, empty").isEmpty();
    page.navigate(web.url("/learning?key=plan.author&context=ada"));
    PlaywrightAssertions.assertThat(page.locator("#l-context-error")).containsText("NAME=VALUE");
    page.navigate(web.url("/learning?key=plan.author"));
    PlaywrightAssertions.assertThat(page.locator("#no-candidates")).isVisible();
  }
}
