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
import dev.plandev.defaults.backup.BackupInfo;
import dev.plandev.defaults.backup.BackupProgress;
import dev.plandev.defaults.backup.Backups;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.ValueType;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.security.Role;
import dev.plandev.server.LogLines;
import dev.plandev.testing.SmallDisk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  private Locator backupRow(String text) {
    return page.locator("table.backups tbody tr", new Page.LocatorOptions().setHasText(text));
  }

  @Test
  void admin_takesAFullBackupListedAsGood_verifiesIt_andTakesAnIncremental() {
    try (LogLines lines = LogLines.of(BackupsSection.class)) {
      takeAndVerifyAsAdmin();
      assertThat(lines.messages())
          .anyMatch(l -> l.startsWith("web UI: key 'admin' took full backup full-"))
          .anyMatch(l -> l.matches("web UI: key 'admin' verified backup full-\\S+: good"))
          .anyMatch(l -> l.startsWith("web UI: key 'admin' took incremental backup incremental-"));
    }
  }

  private void takeAndVerifyAsAdmin() {
    signIn(web.admin);
    page.navigate(web.url("/operations"));
    PlaywrightAssertions.assertThat(page.locator("table.backups")).containsText("No backups yet");
    PlaywrightAssertions.assertThat(page.locator("table.last-backups")).containsText("none yet");
    PlaywrightAssertions.assertThat(page.locator("table.disks")).containsText("backup");

    page.getByRole(AriaRole.BUTTON, named("Take a full backup")).click();

    PlaywrightAssertions.assertThat(page.locator("#backup-notice"))
        .containsText("Took the full backup");
    List<BackupInfo> kept = Backups.of(web.defaults.config(), Clock.systemUTC()).list();
    assertThat(kept).hasSize(1).allMatch(BackupInfo::complete);
    String id = kept.get(0).id();
    PlaywrightAssertions.assertThat(backupRow(id)).containsText("full");
    PlaywrightAssertions.assertThat(backupRow(id)).containsText("good");
    PlaywrightAssertions.assertThat(backupRow(id))
        .containsText("not verified since the service started");
    PlaywrightAssertions.assertThat(
            page.locator("table.last-backups tr", new Page.LocatorOptions().setHasText("full")))
        .containsText(id);

    page.getByRole(AriaRole.BUTTON, named("Verify " + id)).click();

    PlaywrightAssertions.assertThat(page.locator("#backup-notice"))
        .containsText("Verified backup " + id + ": every file matches its manifest");
    PlaywrightAssertions.assertThat(backupRow(id)).containsText(Pattern.compile("good \\(\\d{4}-"));

    page.getByRole(AriaRole.BUTTON, named("Take an incremental backup")).click();

    PlaywrightAssertions.assertThat(page.locator("#backup-notice"))
        .containsText("Took the incremental backup");
    PlaywrightAssertions.assertThat(backupRow("incremental")).containsText("good");
    Chromium.screenshot(page, "operations-backups");
    assertThat(Chromium.seriousViolations(page)).as("operations with backups").isEmpty();
  }

  @Test
  void verifyAll_showsADamagedBackupNamingItsFile() throws Exception {
    Backups backups = Backups.of(web.defaults.config(), Clock.systemUTC());
    String id = backups.full(BackupProgress.NONE).id();
    BackupInfo taken = backups.list().get(0);
    String name = taken.manifest().files().get(0).name();
    Path file = taken.folder().resolve(name);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    signIn(web.admin);
    page.navigate(web.url("/operations"));

    page.getByRole(AriaRole.BUTTON, named("Verify all backups")).click();

    PlaywrightAssertions.assertThat(page.locator("#backup-notice")).containsText("1 damaged");
    PlaywrightAssertions.assertThat(backupRow(id)).containsText("damaged");
    PlaywrightAssertions.assertThat(backupRow(id)).containsText(name);
    PlaywrightAssertions.assertThat(
            page.locator("table.last-backups tr", new Page.LocatorOptions().setHasText("full")))
        .containsText("none yet");
  }

  @Test
  void aFailedBackup_isToldInPlainWordsOnThePage() {
    // No full backup to follow: the caller's conflict, not a failure of the service.
    failsAsAdmin("incremental", "Take an incremental backup", 409);

    PlaywrightAssertions.assertThat(page.locator("#backup-error"))
        .containsText("The incremental backup failed: an incremental backup follows an earlier");
    PlaywrightAssertions.assertThat(page.locator("#backup-error"))
        .containsText("take a full backup first");
  }

  @Test
  void aVerificationThroughTheApi_isShownOnThePage() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> taken =
        http.send(
            HttpRequest.newBuilder(URI.create(web.url("/api/v1/backups")))
                .header("Authorization", "Bearer " + web.admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(taken.statusCode()).isEqualTo(201);
    String id = Backups.of(web.defaults.config(), Clock.systemUTC()).list().get(0).id();
    HttpResponse<String> verified =
        http.send(
            HttpRequest.newBuilder(URI.create(web.url("/api/v1/backups/" + id + "/verify")))
                .header("Authorization", "Bearer " + web.admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(verified.body()).contains("\"valid\":true");

    signIn(web.reader);
    page.navigate(web.url("/operations"));

    PlaywrightAssertions.assertThat(backupRow(id)).containsText(Pattern.compile("good \\(\\d{4}-"));
  }

  @Test
  void editor_seesTheBackupsButNoButtons_andADirectPostIsRefused() {
    Backups backups = Backups.of(web.defaults.config(), Clock.systemUTC());
    String id = backups.full(BackupProgress.NONE).id();
    signIn(web.editor);
    page.navigate(web.url("/operations"));

    PlaywrightAssertions.assertThat(backupRow(id)).containsText("good");
    PlaywrightAssertions.assertThat(page.locator("#backups button")).hasCount(0);
    PlaywrightAssertions.assertThat(page.locator("#backups")).containsText("plandev restore ID");
    assertThat(Chromium.seriousViolations(page)).as("operations as editor").isEmpty();

    for (String action : List.of("full", "incremental", "verify")) {
      APIResponse withToken =
          page.request()
              .post(
                  web.url("/operations/backups/" + action),
                  RequestOptions.create()
                      .setForm(FormData.create().set("csrf", csrf()).set("id", id)));
      assertThat(withToken.status()).as(action).isEqualTo(403);
      assertThat(withToken.text()).as(action).contains("needs admin");
    }
    assertThat(backups.list()).hasSize(1);
  }

  @Test
  void aForgedBackupPost_isRefusedEvenForAnAdmin() {
    signIn(web.admin);
    page.navigate(web.url("/operations"));
    APIResponse forged =
        page.request()
            .post(
                web.url("/operations/backups/full"),
                RequestOptions.create().setForm(FormData.create().set("csrf", "forged")));
    APIResponse none =
        page.request()
            .post(
                web.url("/operations/backups/full"),
                RequestOptions.create().setForm(FormData.create()));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(none.status()).isEqualTo(403);
    assertThat(Backups.of(web.defaults.config(), Clock.systemUTC()).list()).isEmpty();
  }

  @Test
  void aFullBackupDisk_isToldInPlainWords_andTheStoreGoesOn() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("small-disk"), "256k")) {
      takeAFullBackupOn(disk.path());
    }
  }

  /** An admin takes a full backup of a store too large for the backup directory {@code small}. */
  private void takeAFullBackupOn(Path small) {
    try {
      web.close();
      web = null;
      web =
          new WebServer(
              dir.resolve("full"), Clock.systemUTC(), Map.of("backup.dir", small.toString()));
      List<BatchOperation> ops = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        ops.add(
            BatchOperation.upsert(
                new DefaultSpec(
                    "web.key." + i,
                    "a value that takes room in the snapshot " + i,
                    ValueType.STRING,
                    null,
                    dev.plandev.defaults.model.Context.of("project", "p" + i),
                    0.5,
                    null,
                    false,
                    false)));
        if (ops.size() == 1000) { // the largest batch the store takes
          web.defaults.store().batch(ops, false, Actor.of("test"));
          ops.clear();
        }
      }
      failsAsAdmin("full", "Take a full backup", 500);

      PlaywrightAssertions.assertThat(page.locator("#backup-error"))
          .containsText("The full backup failed: the disk of the backup directory " + small);
      PlaywrightAssertions.assertThat(page.locator("#backup-error")).containsText("is full");
      PlaywrightAssertions.assertThat(page.locator("#backup-error"))
          .containsText("the store was not touched");
      PlaywrightAssertions.assertThat(page.locator("table.backups")).containsText("No backups yet");
      Chromium.screenshot(page, "operations-backup-full-disk");
      assertThat(Chromium.seriousViolations(page)).as("a failed backup").isEmpty();
      assertThat(web.defaults.store().list(ListQuery.all()).total()).isEqualTo(3000);
    } finally {
      // The service lets go of the small disk before it is unmounted.
      if (web != null) {
        web.close();
        web = null;
      }
    }
  }

  /**
   * Signs in as admin and clicks the {@code button} of the backup {@code action}, which fails: the
   * Operations page answers {@code status}, in plain words, never with a stack trace.
   */
  private void failsAsAdmin(String action, String button, int status) {
    signIn(web.admin);
    page.navigate(web.url("/operations"));
    Response failed =
        page.waitForResponse(
            r -> r.url().endsWith("/operations/backups/" + action),
            () -> page.getByRole(AriaRole.BUTTON, named(button)).click());
    assertThat(failed.status()).isEqualTo(status);
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Operations");
    assertThat(page.content()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
