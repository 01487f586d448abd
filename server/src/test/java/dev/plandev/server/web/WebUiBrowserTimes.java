package dev.plandev.server.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.plandev.testing.SharedData;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The web UI's speed as a person sees it, in the machine's headless Chromium (a benchmark, not a
 * test: it prints numbers and asserts nothing). A real service serves the 99 corpus plans; after
 * {@value #WARM_UP} warm-up loads, each figure is measured {@value #RUNS} times and printed as
 * median and maximum, from the browser's navigation timing: the server's answer (request start to
 * the last byte), interactive (navigation start to DOM interactive) and loaded (to the end of the
 * load event, the plan page's script in place). Then a checkbox toggle's round trip: from the click
 * to the page showing the new state (the toggle request, the one-byte write, and the plan fetched
 * again and swapped in), timed inside the page.
 *
 * <p>Targets (issue 14): home rendered under 300 ms warm and interactive under 1 s; the largest
 * plan (626 KB) open under 1 s; a toggle round trip under 100 ms.
 *
 * <p>Run from the repository root after {@code mvn -B -o -q test-compile -pl server -am}:
 *
 * <pre>
 * mvn -B -o -q dependency:build-classpath -pl server -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp server/target/test-classes:server/target/classes:core/target/classes:\
 * plans/target/classes:core/target/test-classes:testing/target/classes:$(cat /tmp/cp.txt) \
 *   dev.plandev.server.web.WebUiBrowserTimes
 * </pre>
 *
 * <p>The modules' own classes come first: the listed classpath names their jars in the local
 * repository, which may hold an older build.
 */
public final class WebUiBrowserTimes {
  static final int WARM_UP = 5;
  static final int RUNS = 15;

  private WebUiBrowserTimes() {}

  /** Measures and prints one line per figure. */
  public static void main(String[] args) throws IOException {
    List<Path> corpus = SharedData.corpusPlanFiles();
    Path dir = Files.createTempDirectory("plandev-web-times");
    Path largest =
        corpus.stream().max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    try (WebServer web = new WebServer(dir, corpus.toArray(Path[]::new));
        Chromium chromium = Chromium.launch()) {
      BrowserContext context = chromium.browser.newContext();
      Page page = context.newPage();
      page.navigate(web.url("/login"));
      page.getByLabel("API key").fill(web.editor);
      page.getByLabel("API key").press("Enter");
      PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Plans");
      System.out.printf(
          Locale.ROOT,
          "web UI in headless Chromium, %d plans (corpus: %d)%n",
          corpus.size() + 1,
          corpus.size());
      report("home page", times(page, web.url("/")));
      report(
          "largest plan, " + Files.size(largest) / 1024 + " KB",
          times(
              page,
              web.url(
                  "/plan?file="
                      + URLEncoder.encode(
                          largest.getFileName().toString(), StandardCharsets.UTF_8))));
      report("toggle round trip", toggles(page, web));
      context.close();
    }
  }

  /** Navigation timings of {@code url}, in ms: answer, interactive, loaded per run. */
  private static List<double[]> times(Page page, String url) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < WARM_UP + RUNS; i++) {
      page.navigate(url);
      @SuppressWarnings("unchecked")
      Map<String, Object> t =
          (Map<String, Object>)
              page.evaluate(
                  "() => { const n = performance.getEntriesByType('navigation')[0];"
                      + " return {answer: n.responseEnd - n.requestStart,"
                      + " interactive: n.domInteractive, loaded: n.loadEventEnd}; }");
      if (i >= WARM_UP) {
        out.add(
            new double[] {
              number(t.get("answer")), number(t.get("interactive")), number(t.get("loaded"))
            });
      }
    }
    return out;
  }

  /** Click to new state on the small plan, alternately ticking and unticking one task. */
  private static List<double[]> toggles(Page page, WebServer web) {
    page.navigate(web.url("/plan?file=web-plan.md"));
    page.waitForLoadState();
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < WARM_UP + RUNS; i++) {
      String expected = i % 2 == 0 ? "Checked " : "Unchecked ";
      // Timed inside the page, from the click to the notice the script writes once the plan has
      // been fetched again and swapped in: the browser driver's own delays are left out.
      double ms =
          number(
              page.evaluate(
                  "async t => { const notice = document.getElementById('notice');"
                      + " notice.textContent = '';"
                      + " const done = new Promise(resolve => { const o = new MutationObserver(() =>"
                      + " { if (notice.textContent.startsWith(t)) { o.disconnect(); resolve(); } });"
                      + " o.observe(notice, {childList: true, characterData: true, subtree: true}); });"
                      + " const start = performance.now();"
                      + " document.getElementById('task-7').click();"
                      + " await done; return performance.now() - start; }",
                  expected));
      if (i >= WARM_UP) {
        out.add(new double[] {ms});
      }
    }
    return out;
  }

  private static void report(String name, List<double[]> runs) {
    String[] labels =
        runs.get(0).length == 1
            ? new String[] {"click to new state"}
            : new String[] {"answer", "interactive", "loaded"};
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", name));
    for (int k = 0; k < labels.length; k++) {
      int column = k;
      double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
      line.append(
          String.format(
              Locale.ROOT,
              "  %s median %.0f ms (max %.0f)",
              labels[k],
              values[values.length / 2],
              values[values.length - 1]));
    }
    System.out.println(line);
  }

  private static double number(Object o) {
    return ((Number) o).doubleValue();
  }
}
