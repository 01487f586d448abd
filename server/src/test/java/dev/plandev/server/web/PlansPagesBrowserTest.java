package dev.plandev.server.web;

import static java.time.ZoneOffset.UTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.plandev.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;

/**
 * The web UI's sign-in and plans pages, end to end: a real service on a random port over real plan
 * files, driven by the machine's Chromium.
 */
class PlansPagesBrowserTest extends SignedInBrowser {
  @Override
  WebServer server(Path dir) {
    List<Path> corpus = SharedData.corpusPlanFiles();
    return new WebServer(dir, corpus.get(3), corpus.get(4));
  }

  /** Signs in from the home page, which sends a signed-out person to the sign-in page. */
  private void signInFromHome(String key) {
    page.navigate(web.url("/"));
    PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("/login"));
    page.getByLabel("API key").fill(key);
    page.getByLabel("API key").press("Enter");
    PlaywrightAssertions.assertThat(
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Plans")))
        .isVisible();
  }

  private void openWebPlan() {
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Web plan")).click();
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Web plan");
    page.waitForLoadState(); // the page's script is in place, as it is before a person can act
  }

  private Locator box(String task) {
    return page.getByLabel(task); // a substring of the label, which starts with the task's id
  }

  @Test
  void signIn_openPlan_toggleTask_changesTheFileByOneByte() throws IOException {
    page.navigate(web.url("/"));
    Chromium.screenshot(page, "login");
    signInFromHome(web.editor);
    assertThat(page.locator("table.portfolio tbody tr").count()).isEqualTo(3);
    Chromium.screenshot(page, "home");
    byte[] before = Files.readAllBytes(web.plan);

    openWebPlan();
    box("Write the parser").click(); // once: check() would click again if the page swapped the box

    PlaywrightAssertions.assertThat(page.locator("#notice")).containsText("Checked");
    PlaywrightAssertions.assertThat(box("Write the parser")).isChecked();
    byte[] after = Files.readAllBytes(web.plan);
    assertThat(after).hasSameSizeAs(before);
    int differing = 0;
    for (int i = 0; i < before.length; i++) {
      differing += before[i] == after[i] ? 0 : 1;
    }
    assertThat(differing).isEqualTo(1);
    assertThat(new String(after, StandardCharsets.UTF_8)).contains("- [x] Write the parser");
    Chromium.screenshot(page, "plan");
  }

  @Test
  void keyboardAlone_signsIn_andTicksATask() throws IOException {
    page.navigate(web.url("/"));
    page.keyboard().press("Tab"); // the skip link
    page.keyboard().press("Tab");
    PlaywrightAssertions.assertThat(page.getByLabel("API key")).isFocused();
    page.keyboard().type(web.editor);
    page.keyboard().press("Enter");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Web plan")).focus();
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Web plan");
    page.waitForLoadState();
    box("Write the parser").focus();
    page.keyboard().press("Space");

    PlaywrightAssertions.assertThat(page.locator("#notice")).containsText("Checked");
    PlaywrightAssertions.assertThat(box("Write the parser")).isFocused();
    assertThat(Files.readString(web.plan)).contains("- [x] Write the parser");
  }

  @Test
  void outsideEdit_appearsWithoutReload() throws IOException {
    signInFromHome(web.reader);
    openWebPlan();
    page.evaluate("() => { window.sameDocument = true; }");

    Files.writeString(web.plan, WebServer.PLAN + "- [ ] Added by an editor outside\n");

    PlaywrightAssertions.assertThat(page.getByText("Added by an editor outside")).isVisible();
    PlaywrightAssertions.assertThat(page.locator("#notice")).containsText("changed outside");
    assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
  }

  @Test
  void staleToggle_isRefusedWithAMessage_andThePlanReloads() throws IOException {
    signInFromHome(web.editor);
    openWebPlan();
    String loaded = page.locator("#plan").getAttribute("data-version");
    Files.writeString(
        web.plan, WebServer.PLAN.replace("- [ ] Write the parser", "- [ ] Write the lexer"));
    PlaywrightAssertions.assertThat(page.getByText("Write the lexer")).isVisible();
    String outside = Files.readString(web.plan);
    // A page that has not heard of the outside change yet still holds the version it loaded.
    page.evaluate("v => { document.getElementById('plan').dataset.version = v; }", loaded);

    box("Wait for the review")
        .click(); // once: check() would click again if the page swapped the box

    PlaywrightAssertions.assertThat(page.locator("#notice"))
        .containsText("changed since this page loaded");
    PlaywrightAssertions.assertThat(box("Wait for the review")).not().isChecked();
    assertThat(Files.readString(web.plan)).isEqualTo(outside);
    Chromium.screenshot(page, "plan-stale");
  }

  @Test
  void reader_seesButCannotToggle() throws IOException {
    signInFromHome(web.reader);
    openWebPlan();
    PlaywrightAssertions.assertThat(box("Write the parser")).isDisabled();
    PlaywrightAssertions.assertThat(page.getByText("cannot change it")).isVisible();
    String csrf = page.locator("#plan").getAttribute("data-csrf");
    String version = page.locator("#plan").getAttribute("data-version");
    String before = Files.readString(web.plan);

    APIResponse refused =
        page.request()
            .post(
                web.url("/plan/toggle"),
                RequestOptions.create()
                    .setHeader("X-CSRF-Token", csrf)
                    .setForm(
                        FormData.create()
                            .set("file", "web-plan.md")
                            .set("version", version)
                            .set("line", "7")
                            .set("checked", "true")));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text()).contains("reader");
    assertThat(Files.readString(web.plan)).isEqualTo(before);
  }

  @Test
  void postWithoutTheAntiForgeryToken_isRefused() throws IOException {
    signInFromHome(web.editor);
    String before = Files.readString(web.plan);
    APIResponse toggle =
        page.request()
            .post(
                web.url("/plan/toggle"),
                RequestOptions.create()
                    .setForm(
                        FormData.create()
                            .set("file", "web-plan.md")
                            .set("version", "x")
                            .set("line", "7")
                            .set("checked", "true")));
    APIResponse signOut =
        page.request().post(web.url("/logout"), RequestOptions.create().setForm(FormData.create()));
    APIResponse signIn =
        page.request()
            .post(
                web.url("/login"),
                RequestOptions.create().setForm(FormData.create().set("key", web.admin)));

    assertThat(toggle.status()).isEqualTo(403);
    assertThat(signOut.status()).isEqualTo(403);
    assertThat(signIn.status()).isEqualTo(403);
    assertThat(toggle.text()).contains("anti-forgery token");
    assertThat(Files.readString(web.plan)).isEqualTo(before);
    page.navigate(web.url("/"));
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Plans");
  }

  @Test
  void signOut_endsTheSession() {
    signInFromHome(web.editor);
    Cookie session =
        context.cookies().stream()
            .filter(c -> c.name.equals("plandev_session"))
            .findFirst()
            .orElseThrow();
    assertThat(session.httpOnly).isTrue();
    assertThat(session.sameSite.name()).isEqualTo("STRICT");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

    PlaywrightAssertions.assertThat(page.getByText("You are signed out.")).isVisible();
    BrowserContext other = chromium.browser.newContext();
    other.addCookies(List.of(session));
    Page replay = other.newPage();
    replay.navigate(web.url("/"));
    PlaywrightAssertions.assertThat(replay).hasURL(Pattern.compile("/login"));
    other.close();
  }

  @Test
  void wrongKey_showsTheErrorNextToTheField() {
    page.navigate(web.url("/login"));
    page.getByLabel("API key").fill("pdk_not_a_real_key");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

    PlaywrightAssertions.assertThat(page.locator("#key-error")).containsText("unknown or revoked");
    PlaywrightAssertions.assertThat(page.getByLabel("API key"))
        .hasAttribute("aria-invalid", "true");
    PlaywrightAssertions.assertThat(page.getByLabel("API key"))
        .hasAttribute("aria-describedby", "key-error");
    Chromium.screenshot(page, "login-error");
  }

  @Test
  void unknownPage_getsAnHtml404_whileTheApiKeepsProblemJson() throws Exception {
    signInFromHome(web.reader);
    Response response = page.navigate(web.url("/no/such/page"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers().get("content-security-policy"))
        .contains("default-src 'none'", "script-src 'self';")
        .doesNotContain("unsafe-inline");
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Page not found");
    Chromium.screenshot(page, "not-found");
    page.navigate(web.url("/plan?file=nowhere.md"));
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Page not found");

    HttpResponse<String> api =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(web.url("/api/v1/nothing-here"))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void portfolio_searchesTaskText_andSorts() {
    signInFromHome(web.reader);
    page.getByLabel("Search titles, files and tasks").fill("write the parser");
    page.getByLabel("Search titles, files and tasks").press("Enter");
    PlaywrightAssertions.assertThat(page.locator("table.portfolio tbody tr")).hasCount(1);
    PlaywrightAssertions.assertThat(page.locator("table.portfolio tbody tr"))
        .containsText("web-plan.md");

    page.getByLabel("Search titles, files and tasks").fill("");
    page.getByLabel("Search titles, files and tasks").press("Enter");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Title")).click();
    PlaywrightAssertions.assertThat(page.locator("th[aria-sort=ascending]")).containsText("Title");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Title")).click();
    PlaywrightAssertions.assertThat(page.locator("th[aria-sort=descending]")).containsText("Title");
    List<String> titles = page.locator("table.portfolio tbody tr td:first-child").allTextContents();
    assertThat(titles).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
  }

  @Test
  void board_showsTheSectionByStatusMarkers() {
    signInFromHome(web.reader);
    openWebPlan();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Board of “1. Build”"))
        .click();

    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Board: 1. Build");
    Locator inProgress =
        page.locator("section.column", new Page.LocatorOptions().setHasText("In progress"));
    PlaywrightAssertions.assertThat(inProgress).containsText("Ship the release");
    Locator done = page.locator("section.column", new Page.LocatorOptions().setHasText("Done"));
    PlaywrightAssertions.assertThat(done).containsText("Write the tests");
    Chromium.screenshot(page, "board");
  }

  @Test
  void history_drawsTheBurnDown_ofAPlanCommittedInGit() throws Exception {
    signInFromHome(web.reader);
    openWebPlan();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("History and burn-down"))
        .click();
    PlaywrightAssertions.assertThat(page.locator("main")).containsText("no history yet");

    // Two states of the plan, a day apart: 1 of 4 done, then 2 of 4.
    PersonIdent first =
        new PersonIdent("Ada", "ada@plandev.invalid", Instant.parse("2026-11-01T10:00:00Z"), UTC);
    PersonIdent second =
        new PersonIdent("Ada", "ada@plandev.invalid", Instant.parse("2026-11-02T10:00:00Z"), UTC);
    try (Git git = Git.init().setDirectory(web.plans.toFile()).call()) {
      git.add().addFilepattern("web-plan.md").call();
      git.commit().setMessage("plan").setAuthor(first).setCommitter(first).call();
      Files.writeString(
          web.plan, WebServer.PLAN.replace("- [ ] Write the parser", "- [x] Write the parser"));
      git.add().addFilepattern("web-plan.md").call();
      git.commit().setMessage("parser done").setAuthor(second).setCommitter(second).call();
    }
    page.reload();

    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("History: Web plan");
    PlaywrightAssertions.assertThat(page.locator("svg.burndown polyline.tasks")).hasCount(1);
    PlaywrightAssertions.assertThat(page.locator("table.history tbody tr")).hasCount(2);
    PlaywrightAssertions.assertThat(page.locator("table.history tbody tr").first())
        .containsText("2/4");
    PlaywrightAssertions.assertThat(page.locator("svg.burndown"))
        .hasAttribute("aria-label", Pattern.compile("from 2026-11-01"));
    assertThat(Chromium.seriousViolations(page)).as("history").isEmpty();
    Chromium.screenshot(page, "history");
  }

  @Test
  void syncProgressLines_rewritesTheStaleLine() throws IOException {
    signInFromHome(web.editor);
    openWebPlan();
    PlaywrightAssertions.assertThat(page.locator("#plan")).containsText("stale");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync progress lines"))
        .click();

    PlaywrightAssertions.assertThat(page.locator("#notice")).containsText("Synced 1 progress line");
    assertThat(Files.readString(web.plan)).contains("Progress: 1/4");
  }

  @Test
  void everyPage_hasNoSeriousAccessibilityViolation() {
    page.navigate(web.url("/login"));
    assertThat(Chromium.seriousViolations(page)).as("sign-in").isEmpty();
    signInFromHome(web.editor);
    assertThat(Chromium.seriousViolations(page)).as("plans").isEmpty();
    openWebPlan();
    assertThat(Chromium.seriousViolations(page)).as("plan").isEmpty();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Board of “1. Build”"))
        .click();
    assertThat(Chromium.seriousViolations(page)).as("board").isEmpty();
    page.navigate(web.url("/nowhere"));
    assertThat(Chromium.seriousViolations(page)).as("404").isEmpty();
  }
}
