package dev.plandev.server.web;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.history.HistoryPoint;
import dev.plandev.plans.history.PlanHistory;
import dev.plandev.plans.history.PlanHistoryException;
import dev.plandev.plans.lint.LintFinding;
import dev.plandev.plans.lint.Linter;
import dev.plandev.plans.metadata.TaskState;
import dev.plandev.plans.report.BurnDownChart;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plans pages: the portfolio (home), a plan with its section tree, a section as a board, and a
 * plan's history with its burn-down chart.
 */
final class PlansPages {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final Map<String, Comparator<PlanSummary>> SORTS = sorts();

  private final PlanCatalog catalog;
  private final Pages pages;

  PlansPages(PlanCatalog catalog, Pages pages) {
    this.catalog = catalog;
    this.pages = pages;
  }

  void register(Javalin app) {
    app.get("/", this::home);
    app.get("/plan", this::plan);
    app.get("/plan/board", this::board);
    app.get("/plan/history", this::history);
  }

  private static Map<String, Comparator<PlanSummary>> sorts() {
    Map<String, Comparator<PlanSummary>> s = new LinkedHashMap<>();
    s.put("title", Comparator.comparing(p -> p.title().toLowerCase(java.util.Locale.ROOT)));
    s.put("file", Comparator.comparing(PlanSummary::file));
    s.put("progress", Comparator.comparingInt(PlanSummary::percent));
    s.put("changed", Comparator.comparing(PlanSummary::lastChange));
    s.put("findings", Comparator.comparingInt(PlanSummary::findings));
    return s;
  }

  private void home(Context ctx) {
    String query = ctx.queryParam("q");
    String sort = SORTS.containsKey(ctx.queryParam("sort")) ? ctx.queryParam("sort") : "file";
    boolean descending = "desc".equals(ctx.queryParam("dir"));
    Comparator<PlanSummary> order = SORTS.get(sort);
    List<PlanSummary> all = catalog.summaries();
    List<PlanSummary> shown =
        all.stream()
            .filter(p -> p.matches(query))
            .sorted(descending ? order.reversed() : order)
            .toList();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PlanSummary p : shown) {
      Map<String, Object> row = new HashMap<>();
      row.put("plan", p);
      row.put("percent", p.percent());
      row.put("changed", WHEN.format(p.lastChange()));
      rows.add(row);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("rows", rows);
    model.put("total", all.size());
    model.put("q", query == null ? "" : query);
    model.put("sort", sort);
    model.put("dir", descending ? "desc" : "asc");
    model.put("roots", catalog.roots().stream().map(Path::toString).toList());
    pages.send(ctx, 200, "home", model);
  }

  PlanDocument open(String name) {
    return PlanDocument.parse(fileOf(name));
  }

  /** The file of the plan named {@code name}, or a not-found page. */
  private Path fileOf(String name) {
    return catalog
        .file(name)
        .orElseThrow(
            () ->
                WebException.notFound(
                    "there is no plan '"
                        + (name == null ? "" : name)
                        + "' under the plan roots; pick one on the Plans page"));
  }

  private void plan(Context ctx) {
    String name = ctx.queryParam("file");
    showPlan(ctx, 200, name, open(name), ctx.queryParam("notice"));
  }

  private Map<String, Object> planModel(String name, PlanDocument plan, String notice) {
    List<LintFinding> findings = Linter.lint(plan, name);
    Map<String, Object> model = new HashMap<>();
    model.put("file", name);
    model.put("title", plan.root().title());
    model.put("version", PlanVersion.of(plan.bytes()));
    model.put("root", PlanOutline.of(plan, findings));
    model.put("findingsCount", findings.size());
    model.put("notice", notice);
    return model;
  }

  /** Shows the plan page, with {@code message} at the top and the given status. */
  void showPlan(Context ctx, int status, String name, PlanDocument plan, String message) {
    pages.send(ctx, status, "plan", planModel(name, plan, message));
  }

  /**
   * The plan's progress per commit of its git repository, as a burn-down chart and a table; a plan
   * outside git gets a sentence saying so instead.
   */
  private void history(Context ctx) {
    String name = ctx.queryParam("file");
    Path file = fileOf(name);
    Map<String, Object> model = new HashMap<>();
    model.put("file", name);
    model.put("title", PlanDocument.parse(file).root().title());
    try {
      PlanHistory history = PlanHistory.of(file);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (HistoryPoint point : history.points()) {
        Map<String, Object> row = new HashMap<>();
        row.put("when", WHEN.format(point.time()));
        row.put("commit", point.commit());
        row.put("done", point.progress().done());
        row.put("total", point.progress().total());
        row.put("left", point.remaining().minutes() > 0 ? point.remaining().toString() : "");
        rows.add(0, row); // newest first
      }
      model.put("points", rows);
      model.put("chart", BurnDownChart.render(history).orElse(""));
      model.put("missing", "");
    } catch (PlanHistoryException e) {
      // The message names server paths; the page says what is wrong without them.
      model.put("points", List.of());
      model.put("chart", "");
      model.put(
          "missing",
          "This plan has no history yet: it is not in a git repository, or not committed there.");
    }
    pages.send(ctx, 200, "history", model);
  }

  private void board(Context ctx) {
    String name = ctx.queryParam("file");
    PlanDocument plan = open(name);
    String sectionId = ctx.queryParam("section");
    Section section =
        plan.sections().stream()
            .filter(s -> s.id().equals(sectionId))
            .findFirst()
            .orElseThrow(
                () ->
                    WebException.notFound(
                        "the plan has no section '" + (sectionId == null ? "" : sectionId) + "'"));
    List<Task> tasks = plan.tasks().stream().filter(t -> within(t.section(), section)).toList();
    boolean byStatus = tasks.stream().anyMatch(t -> t.metadata().status().isPresent());
    Set<TaskState> states =
        byStatus
            ? EnumSet.of(TaskState.OPEN, TaskState.IN_PROGRESS, TaskState.BLOCKED, TaskState.DONE)
            : EnumSet.of(TaskState.OPEN, TaskState.DONE);
    if (byStatus) {
      tasks.forEach(t -> states.add(t.state()));
    }
    List<Map<String, Object>> columns = new ArrayList<>();
    for (TaskState state : states) {
      List<Task> cards = tasks.stream().filter(t -> column(t.state(), byStatus) == state).toList();
      Map<String, Object> column = new HashMap<>();
      column.put("name", columnName(state, byStatus));
      column.put(
          "cards",
          cards.stream()
              .map(
                  t ->
                      Map.<String, Object>of(
                          "id", t.id(), "text", t.text(), "line", t.line(), "checked", t.checked()))
              .toList());
      columns.add(column);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("file", name);
    model.put("title", plan.root().title());
    model.put("section", section.title());
    model.put("sectionId", section.id());
    model.put("columns", columns);
    model.put("byStatus", byStatus);
    pages.send(ctx, 200, "board", model);
  }

  private static boolean within(Section s, Section ancestor) {
    for (Section at = s; at != null; at = at.parent()) {
      if (at == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static TaskState column(TaskState state, boolean byStatus) {
    if (byStatus) {
      return state;
    }
    return state == TaskState.DONE ? TaskState.DONE : TaskState.OPEN;
  }

  private static String columnName(TaskState state, boolean byStatus) {
    if (!byStatus) {
      return state == TaskState.DONE ? "Done" : "To do";
    }
    return switch (state) {
      case OPEN -> "Open";
      case IN_PROGRESS -> "In progress";
      case BLOCKED -> "Blocked";
      case DEFERRED -> "Deferred";
      case CANCELLED -> "Cancelled";
      case DONE -> "Done";
    };
  }
}
