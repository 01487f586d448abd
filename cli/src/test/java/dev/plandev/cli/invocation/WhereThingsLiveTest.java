package dev.plandev.cli.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one rule of where things live: the learning store in the per-user data directory unless
 * {@code --data}, {@code PLANDEV_DATA_DIR}, {@code dataDir} in the project's file or an old {@code
 * data/} store of the project says otherwise; settings found by walking up to the project.
 */
class WhereThingsLiveTest {
  @TempDir Path home;

  private Path folder(String relative) throws Exception {
    return Files.createDirectories(home.resolve(relative));
  }

  private static String dataLine(CliRun.Result r) {
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().lines().filter(l -> l.startsWith("# data directory ")).findFirst().orElseThrow();
  }

  @Test
  void linux_perUserDefault_isTheXdgDataHome_andSaysWhy() throws Exception {
    Path project = folder("work/web");
    String line = dataLine(new CliRun(project).home(home).run("config", "show"));
    assertThat(line)
        .isEqualTo(
            "# data directory "
                + home.resolve(".local/share/plandev")
                + " (per-user default; no --data, no PLANDEV_DATA_DIR, no dataDir in a"
                + " configuration file, no "
                + project.resolve("data/defaults.db")
                + ")");

    Path xdg = folder("xdg");
    assertThat(
            dataLine(
                new CliRun(project)
                    .home(home)
                    .env("XDG_DATA_HOME", xdg.toString())
                    .run("config", "show")))
        .startsWith("# data directory " + xdg.resolve("plandev") + " (per-user default");
    // A relative XDG_DATA_HOME is invalid by the XDG rules and ignored.
    assertThat(
            dataLine(
                new CliRun(project).home(home).env("XDG_DATA_HOME", "rel").run("config", "show")))
        .startsWith("# data directory " + home.resolve(".local/share/plandev") + " (");
  }

  @Test
  void macOsAndWindows_haveTheirOwnPerUserFolders() throws Exception {
    Path project = folder("p");
    assertThat(dataLine(new CliRun(project).home(home).os("Mac OS X").run("config", "show")))
        .startsWith(
            "# data directory " + home.resolve("Library/Application Support/plandev") + " (");
    Path local = folder("appdata-local");
    assertThat(
            dataLine(
                new CliRun(project)
                    .home(home)
                    .os("Windows 11")
                    .env("LOCALAPPDATA", local.toString())
                    .run("config", "show")))
        .startsWith("# data directory " + local.resolve("plandev") + " (");
    assertThat(dataLine(new CliRun(project).home(home).os("Windows 11").run("config", "show")))
        .startsWith("# data directory " + home.resolve("AppData/Local/plandev") + " (");
  }

  @Test
  void learning_followsThePersonAcrossRepositories() throws Exception {
    Path web = folder("src/web");
    Path api = folder("src/api");
    Files.createDirectory(web.resolve(".git"));
    Files.createDirectory(api.resolve(".git"));
    assertThat(new CliRun(web).home(home).run("defaults", "set", "plan.author", "Ada").code())
        .isZero();

    CliRun.Result r = new CliRun(api).home(home).run("defaults", "get", "plan.author");

    assertThat(r.out()).isEqualTo("Ada\n");
    assertThat(home.resolve(".local/share/plandev/defaults.db")).exists();
    assertThat(web.resolve("data")).doesNotExist();
    // The data directory is the owner's only; the folders above it get the usual mode.
    Path probe = Files.createDirectory(home.resolve("probe"));
    assertThat(Files.getPosixFilePermissions(home.resolve(".local/share")))
        .isEqualTo(Files.getPosixFilePermissions(probe));
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve(".local/share/plandev"))))
        .isEqualTo("rwx------");
  }

  @Test
  void overrides_winInOrder_flag_env_file() throws Exception {
    Path project = folder("p");
    Files.writeString(project.resolve("plandev.yaml"), "dataDir: store-of-file\n");
    Path sub = folder("p/docs/plans");
    CliRun run = new CliRun(sub).home(home);
    assertThat(dataLine(run.run("config", "show")))
        .isEqualTo(
            "# data directory "
                + project.resolve("store-of-file")
                + " (from file "
                + project.resolve("plandev.yaml")
                + ")");
    run.env("PLANDEV_DATA_DIR", home.resolve("env-store").toString());
    assertThat(dataLine(run.run("config", "show")))
        .isEqualTo(
            "# data directory " + home.resolve("env-store") + " (from env PLANDEV_DATA_DIR)");
    assertThat(dataLine(run.run("--data", "here", "config", "show")))
        .isEqualTo("# data directory " + sub.resolve("here") + " (from flag --data)");
  }

  @Test
  void settings_areFoundByWalkingUp_butNotAboveTheGitRoot() throws Exception {
    Path outer = folder("outer");
    Files.writeString(outer.resolve("plandev.yaml"), "ml:\n  threshold: 0.7\n");
    Path deep = folder("outer/a/b");

    CliRun.Result found = new CliRun(deep).home(home).run("config", "show");
    assertThat(found.out())
        .contains("# project " + outer + " (holds plandev.yaml)")
        .contains("# configuration file " + outer.resolve("plandev.yaml"))
        .containsPattern("ml.threshold\\s+= 0.7");

    Path repo = folder("outer/repo");
    Files.createDirectory(repo.resolve(".git"));
    Path inRepo = folder("outer/repo/src");
    CliRun.Result stopped = new CliRun(inRepo).home(home).run("config", "show");
    assertThat(stopped.out())
        .contains("# project " + repo + " (git root;")
        .contains("# configuration file none")
        .containsPattern("ml.threshold\\s+= 0.8");
  }

  @Test
  void anOldDataFolderWithAStore_isStillUsed_andATerminalIsToldOnceHowToMoveIt() throws Exception {
    Path project = folder("old");
    Files.createDirectory(project.resolve(".git"));
    Path old = project.resolve("data");
    // A store made the old way: the data directory named explicitly, as ./data used to be.
    assertThat(
            new CliRun(project).run("--data", old.toString(), "defaults", "set", "k", "v").code())
        .isZero();
    Path sub = folder("old/docs");

    CliRun.Result first = new CliRun(sub).home(home).terminal(true).run("defaults", "get", "k");
    CliRun.Result second = new CliRun(sub).home(home).terminal(true).run("defaults", "get", "k");

    assertThat(first.out()).isEqualTo("v\n");
    assertThat(first.err())
        .contains("using the store in " + old)
        .contains(
            "mkdir -p "
                + home.resolve(".local/share")
                + " && mv "
                + old
                + " "
                + home.resolve(".local/share/plandev"))
        .contains("(shown once)");
    assertThat(second.out()).isEqualTo("v\n");
    assertThat(second.err()).doesNotContain("using the store");
    assertThat(dataLine(new CliRun(sub).home(home).run("config", "show")))
        .startsWith("# data directory " + old + " (a store from before per-user data directories");
    assertThat(home.resolve(".local/share/plandev")).doesNotExist();
  }

  @Test
  void home_isHomeAsTheShellSeesIt_elseJavasUserHome() {
    assertThat(Environment.home(java.util.Map.of("HOME", "/home/ada"), "/root"))
        .isEqualTo(Path.of("/home/ada"));
    assertThat(Environment.home(java.util.Map.of("HOME", "relative"), "/root"))
        .isEqualTo(Path.of("/root"));
    assertThat(Environment.home(java.util.Map.of(), "/root")).isEqualTo(Path.of("/root"));
  }
}
