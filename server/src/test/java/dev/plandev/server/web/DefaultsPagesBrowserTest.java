package dev.plandev.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The defaults pages end to end: list and filters, create and edit with field errors, a stale edit,
 * delete, secrets, import with a bad row, export, the audit trail and role denials.
 */
class DefaultsPagesBrowserTest extends SignedInBrowser {
  private DefaultEntry put(String key, String value, Context ctx) {
    return web.defaults.store().put(DefaultSpec.of(key, value).withContext(ctx), Actor.of("setup"));
  }

  @Test
  void create_showsTheValueTypeErrorNextToTheField_thenSaves_andAuditsTheKeyName() {
    signIn(web.editor);
    page.navigate(web.url("/defaults"));
    page.getByRole(AriaRole.LINK, named("New default")).click();
    page.getByLabel("Key", exact()).fill("retries");
    page.getByLabel("Value type").selectOption("integer");
    page.getByLabel("Value", exact()).fill("three");
    page.getByLabel("Context").fill("env=prod");
    page.getByRole(AriaRole.BUTTON, named("Create")).click();

    PlaywrightAssertions.assertThat(page.locator("#e-value-error"))
        .containsText("must be a whole number");
    PlaywrightAssertions.assertThat(page.getByLabel("Value", exact()))
        .hasAttribute("aria-invalid", "true");
    PlaywrightAssertions.assertThat(page.getByLabel("Context")).hasValue("env=prod");
    Chromium.screenshot(page, "default-new-error");

    page.getByLabel("Value", exact()).fill("3");
    page.getByRole(AriaRole.BUTTON, named("Create")).click();

    PlaywrightAssertions.assertThat(page.locator(".notice")).containsText("Created retries");
    DefaultEntry stored =
        web.defaults.store().find("retries", Context.of("env", "prod")).orElseThrow();
    assertThat(stored.value()).isEqualTo("3");
    assertThat(stored.valueType()).isEqualTo(ValueType.INTEGER);
    List<Change> trail = web.defaults.store().changes("retries", 1, 10).items();
    assertThat(trail).extracting(Change::actor).containsExactly("editor");
    PlaywrightAssertions.assertThat(page.locator("table.audit td.actor")).hasText("editor");
  }

  @Test
  void schemaViolation_isShownNextToTheValue() {
    signIn(web.editor);
    page.navigate(web.url("/defaults/new"));
    page.getByLabel("Key", exact()).fill("env");
    page.getByLabel("Value", exact()).fill("qa");
    page.getByLabel("JSON Schema (optional)").fill("{\"enum\": [\"dev\", \"prod\"]}");
    page.getByRole(AriaRole.BUTTON, named("Create")).click();

    PlaywrightAssertions.assertThat(page.locator("#e-value-error, #e-schema-error")).isVisible();
    assertThat(web.defaults.store().find("env", Context.EMPTY)).isEmpty();
  }

  @Test
  void staleEdit_isRefused_withTheCurrentValueShown() {
    DefaultEntry e = put("db.host", "db.internal", Context.of("env", "prod"));
    signIn(web.editor);
    page.navigate(web.url("/defaults/entry?id=" + e.id()));
    page.getByLabel("Value", exact()).fill("db.mine");
    // Someone else saves first.
    web.defaults
        .store()
        .update(e.id(), e.version(), DefaultSpec.from(e).withValue("db.theirs"), Actor.of("ana"));

    page.getByRole(AriaRole.BUTTON, named("Save")).click();

    PlaywrightAssertions.assertThat(page.locator("#problem")).containsText("someone changed");
    PlaywrightAssertions.assertThat(page.locator("#current-value")).hasText("db.theirs");
    PlaywrightAssertions.assertThat(page.getByLabel("Value", exact())).hasValue("db.mine");
    assertThat(web.defaults.store().find(e.id()).orElseThrow().value()).isEqualTo("db.theirs");
    Chromium.screenshot(page, "default-stale-edit");

    page.getByRole(AriaRole.BUTTON, named("Save")).click(); // now over the version shown
    PlaywrightAssertions.assertThat(page.locator(".notice")).containsText("Saved version 3");
    assertThat(web.defaults.store().find(e.id()).orElseThrow().value()).isEqualTo("db.mine");
  }

  @Test
  void keyboardAlone_opensAndEditsADefault() {
    DefaultEntry e = put("db.host", "localhost", Context.EMPTY);
    signIn(web.editor);
    page.navigate(web.url("/defaults"));
    page.getByRole(AriaRole.LINK, named("db.host")).focus();
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("db.host");
    page.getByLabel("Value", exact()).focus();
    page.keyboard().press("ControlOrMeta+A");
    page.keyboard().type("db.local");
    page.keyboard().press("Tab"); // the schema
    page.keyboard().press("Tab"); // the confidence, a one-line field: Enter sends the form
    PlaywrightAssertions.assertThat(page.getByLabel("Confidence")).isFocused();
    page.keyboard().press("Enter");

    PlaywrightAssertions.assertThat(page.locator(".notice")).containsText("Saved version 2");
    assertThat(web.defaults.store().find(e.id()).orElseThrow().value()).isEqualTo("db.local");
  }

  @Test
  void delete_removesTheEntry_andTheTrailKeepsIt() {
    DefaultEntry e = put("old.key", "x", Context.EMPTY);
    signIn(web.editor);
    page.navigate(web.url("/defaults/entry?id=" + e.id()));
    page.getByRole(AriaRole.BUTTON, named("Delete this default")).click();

    PlaywrightAssertions.assertThat(page.locator(".notice")).containsText("Deleted old.key");
    assertThat(web.defaults.store().find(e.id())).isEmpty();
    page.navigate(web.url("/defaults/changes"));
    PlaywrightAssertions.assertThat(page.locator("table.audit tbody tr").first())
        .containsText("delete");
    PlaywrightAssertions.assertThat(page.locator("table.audit tbody tr").first())
        .containsText("editor");
    assertThat(Chromium.seriousViolations(page)).as("audit trail").isEmpty();
  }

  @Test
  void list_filtersBySecretPrefixAndContext_andMasksSecrets() {
    put("db.host", "localhost", Context.EMPTY);
    put("db.host", "db.internal", Context.of("env", "prod"));
    web.defaults
        .store()
        .put(DefaultSpec.of("api.token", "s3cr3t").withSecret(true), Actor.of("setup"));
    signIn(web.reader);
    page.navigate(web.url("/defaults"));
    PlaywrightAssertions.assertThat(page.locator("table.entries tbody tr")).hasCount(3);
    PlaywrightAssertions.assertThat(page.locator("table.entries")).not().containsText("s3cr3t");
    Chromium.screenshot(page, "defaults");
    assertThat(Chromium.seriousViolations(page)).as("defaults").isEmpty();

    page.getByLabel("Secret", exact()).selectOption("yes");
    page.getByRole(AriaRole.BUTTON, named("Apply")).click();
    PlaywrightAssertions.assertThat(page.locator("table.entries tbody tr")).hasCount(1);
    PlaywrightAssertions.assertThat(page.locator("table.entries tbody tr"))
        .containsText("api.token");

    page.navigate(web.url("/defaults?prefix=db.&context=env%3Dprod"));
    PlaywrightAssertions.assertThat(page.locator("table.entries tbody tr")).hasCount(1);
    PlaywrightAssertions.assertThat(page.locator("table.entries tbody tr"))
        .containsText("db.internal");

    page.navigate(web.url("/defaults?context=oops"));
    PlaywrightAssertions.assertThat(page.locator("#f-context-error")).containsText("NAME=VALUE");
  }

  @Test
  void secret_isRevealedToAnAdminOnly() {
    DefaultEntry e =
        web.defaults
            .store()
            .put(DefaultSpec.of("api.token", "s3cr3t").withSecret(true), Actor.of("setup"));
    signIn(web.reader);
    page.navigate(web.url("/defaults/entry?id=" + e.id()));
    PlaywrightAssertions.assertThat(page.locator("#current-value")).hasText(DefaultEntry.MASK);
    PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, named("Reveal the value")))
        .hasCount(0);
    Response refused = page.navigate(web.url("/defaults/entry?id=" + e.id() + "&reveal=1"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(page.content()).doesNotContain("s3cr3t");

    signInAs(web.admin);
    page.navigate(web.url("/defaults/entry?id=" + e.id()));
    PlaywrightAssertions.assertThat(page.locator("#current-value")).containsText(DefaultEntry.MASK);
    page.getByRole(AriaRole.LINK, named("Reveal the value")).click();
    PlaywrightAssertions.assertThat(page.locator("#current-value")).hasText("s3cr3t");
  }

  @Test
  void import_withABadRow_reportsItBeforeWriting_thenImportsTheValidRows() {
    signIn(web.editor);
    page.navigate(web.url("/defaults"));
    page.getByRole(AriaRole.LINK, named("Import a file")).click();
    String file =
        "[{\"key\":\"imp.ok\",\"value\":\"1\",\"valueType\":\"integer\",\"context\":\"{}\"},"
            + "{\"key\":\"imp.bad\",\"value\":\"many\",\"valueType\":\"integer\",\"context\":\"{}\"}]";
    page.getByLabel("Or paste its content").fill(file);
    page.getByRole(AriaRole.BUTTON, named("Check the file")).click();

    PlaywrightAssertions.assertThat(page.locator("#report")).containsText("nothing written yet");
    PlaywrightAssertions.assertThat(page.locator("table.import-errors tbody tr")).hasCount(1);
    PlaywrightAssertions.assertThat(page.locator("table.import-errors tbody tr"))
        .containsText("imp.bad");
    PlaywrightAssertions.assertThat(page.locator("table.import-errors tbody tr td").first())
        .hasText("2");
    assertThat(web.defaults.store().find("imp.ok", Context.EMPTY)).isEmpty();
    Chromium.screenshot(page, "import-report");
    assertThat(Chromium.seriousViolations(page)).as("import").isEmpty();

    page.getByRole(AriaRole.BUTTON, named("Import the 1 valid row(s), skip the refused ones"))
        .click();

    PlaywrightAssertions.assertThat(page.locator("#result")).containsText("Imported 1 of 2 rows");
    assertThat(web.defaults.store().find("imp.ok", Context.EMPTY)).isPresent();
    assertThat(web.defaults.store().find("imp.bad", Context.EMPTY)).isEmpty();
    assertThat(web.defaults.store().changes("imp.ok", 1, 5).items())
        .extracting(Change::actor)
        .containsExactly("editor");
  }

  @Test
  void importOfAnUploadedCsvFile_withABadRow_writesNothing() throws Exception {
    Path csv = dir.resolve("defaults.csv");
    Files.writeString(csv, "key,value,valueType\nup.one,1,integer\nbad key,2,string\n");
    signIn(web.editor);
    page.navigate(web.url("/defaults/import"));
    page.getByLabel("File (JSON, YAML or CSV, as exported)").setInputFiles(csv);
    page.getByRole(AriaRole.BUTTON, named("Check the file")).click();

    PlaywrightAssertions.assertThat(page.locator("#report")).containsText("(csv)");
    PlaywrightAssertions.assertThat(page.locator("table.import-errors tbody tr"))
        .containsText("bad key");
    assertThat(web.defaults.store().find("up.one", Context.EMPTY)).isEmpty();
    page.getByRole(AriaRole.BUTTON, named("Import the 1 valid row(s), skip the refused ones"))
        .click();
    PlaywrightAssertions.assertThat(page.locator("#result")).containsText("Imported 1 of 2 rows");
    assertThat(web.defaults.store().find("up.one", Context.EMPTY).orElseThrow().value())
        .isEqualTo("1");
  }

  @Test
  void export_downloadsTheEntries() {
    put("exp.key", "v", Context.EMPTY);
    signIn(web.reader);
    APIResponse csv = page.request().get(web.url("/defaults/export?format=csv"));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().get("content-disposition")).contains("defaults.csv");
    assertThat(csv.text()).startsWith("key,").contains("exp.key");
  }

  @Test
  void reader_cannotChangeDefaults() {
    DefaultEntry e = put("db.host", "localhost", Context.EMPTY);
    signIn(web.reader);
    page.navigate(web.url("/defaults"));
    PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, named("New default")))
        .hasCount(0);
    Response form = page.navigate(web.url("/defaults/new"));
    assertThat(form.status()).isEqualTo(403);
    PlaywrightAssertions.assertThat(page.locator("main")).containsText("reader");
    page.navigate(web.url("/defaults/entry?id=" + e.id()));
    PlaywrightAssertions.assertThat(page.getByText("cannot change it")).isVisible();
    assertThat(Chromium.seriousViolations(page)).as("entry, reader").isEmpty();

    String csrf = csrf();
    APIResponse edit =
        page.request()
            .post(
                web.url("/defaults/entry"),
                RequestOptions.create()
                    .setForm(
                        FormData.create()
                            .set("csrf", csrf)
                            .set("id", Long.toString(e.id()))
                            .set("version", Long.toString(e.version()))
                            .set("value", "hacked")));
    APIResponse delete =
        page.request()
            .post(
                web.url("/defaults/delete"),
                RequestOptions.create()
                    .setForm(
                        FormData.create()
                            .set("csrf", csrf)
                            .set("id", Long.toString(e.id()))
                            .set("version", Long.toString(e.version()))));
    APIResponse noToken =
        page.request()
            .post(
                web.url("/defaults/new"),
                RequestOptions.create()
                    .setForm(FormData.create().set("key", "x").set("value", "y")));
    assertThat(edit.status()).isEqualTo(403);
    assertThat(delete.status()).isEqualTo(403);
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(web.defaults.store().find(e.id()).orElseThrow().value()).isEqualTo("localhost");
  }

  @Test
  void editorPages_haveNoSeriousAccessibilityViolation() {
    DefaultEntry e = put("db.host", "localhost", Context.EMPTY);
    signIn(web.editor);
    page.navigate(web.url("/defaults/entry?id=" + e.id()));
    assertThat(Chromium.seriousViolations(page)).as("entry").isEmpty();
    Chromium.screenshot(page, "default-entry");
    page.navigate(web.url("/defaults/new"));
    assertThat(Chromium.seriousViolations(page)).as("new").isEmpty();
    page.navigate(web.url("/defaults/import"));
    assertThat(Chromium.seriousViolations(page)).as("import").isEmpty();
    Response missing = page.navigate(web.url("/defaults/entry?id=999"));
    assertThat(missing.status()).isEqualTo(404);
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Page not found");
    PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("id=999"));
  }
}
