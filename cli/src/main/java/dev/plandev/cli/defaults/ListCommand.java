package dev.plandev.cli.defaults;

import dev.plandev.cli.invocation.Printer;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plandev defaults list}: pages through entries with filters, or with {@code --learned}
 * shows what the engine learned per key.
 */
@Command(
    name = "list",
    description = {
      "List entries, a page at a time; secret values are masked.",
      "With --learned: what the engine learned per key instead (answers recorded, suggestions",
      "turned down, the values chosen most and when last). The answers to plandev new prompts",
      "are keys plan.TEMPLATE.PROMPT, such as plan.plan-dev.author."
    },
    mixinStandardHelpOptions = true)
final class ListCommand extends Subcommand implements Callable<Integer> {
  @Option(names = "--prefix", paramLabel = "TEXT", description = "Only keys starting with TEXT")
  String prefix;

  @Option(
      names = "--where",
      paramLabel = "FIELD=VALUE",
      description = "Only entries whose context has FIELD=VALUE (repeatable)")
  Map<String, String> where = new LinkedHashMap<>();

  @Option(
      names = "--deprecated",
      paramLabel = "true|false",
      description = "Filter on the deprecated flag")
  Boolean deprecated;

  @Option(names = "--expired", paramLabel = "true|false", description = "Filter on expiry")
  Boolean expired;

  @Option(
      names = "--sort",
      paramLabel = "FIELD[:asc|desc]",
      description = "Sort, e.g. usageCount:desc (default key:asc)")
  String sort = "key:asc";

  @Option(names = "--page", paramLabel = "N", description = "Page number from 1 (default 1)")
  int page = 1;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Entries per page, 1..1000 (default 50)")
  int limit = ListQuery.DEFAULT_LIMIT;

  @Option(names = "--json", description = "Print the page as JSON")
  boolean json;

  @Option(
      names = "--learned",
      description = "Show what the engine learned per key (with --prefix, --json) instead")
  boolean learned;

  @Override
  public Integer call() {
    if (learned) {
      List<LearnedKeys.Learned> keys = LearnedKeys.read(defaults().store(), prefix);
      if (json) {
        Printer.json(out(), keys);
      } else {
        LearnedKeys.print(keys, out());
      }
      return 0;
    }
    ListQuery q =
        ListQuery.all()
            .withPage(page, limit)
            .withSort(sort)
            .withKeyPrefix(prefix)
            .withDeprecated(deprecated)
            .withExpired(expired);
    for (Map.Entry<String, String> w : where.entrySet()) {
      q = q.withContextField(w.getKey(), w.getValue());
    }
    if (!context.isEmpty()) {
      for (Map.Entry<String, String> w : context.entrySet()) {
        q = q.withContextField(w.getKey(), w.getValue());
      }
    }
    Page<DefaultEntry> p = defaults().store().list(q);
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("items", p.items().stream().map(DefaultEntry::redacted).toList());
      view.put("page", p.page());
      view.put("limit", p.limit());
      view.put("total", p.total());
      Printer.json(out(), view);
      return 0;
    }
    if (p.items().isEmpty()) {
      out()
          .println(
              p.total() == 0 ? "no entries" : "no entries on page " + page + " of " + p.total());
      return 0;
    }
    out()
        .printf(
            "%-6s %-32s %-24s %-8s %-5s %-5s %s%n",
            "ID", "KEY", "CONTEXT", "TYPE", "CONF", "USES", "VALUE");
    for (DefaultEntry e : p.items()) {
      DefaultEntry r = e.redacted();
      out()
          .printf(
              "%-6d %-32s %-24s %-8s %-5.2f %-5d %s%s%n",
              r.id(),
              r.key(),
              r.context().toJson(),
              r.valueType().wireName(),
              r.confidence(),
              r.usageCount(),
              shorten(r.value()),
              r.deprecated() ? "  (deprecated)" : "");
    }
    long pages = (p.total() + limit - 1) / limit;
    out().printf("page %d of %d, %d entries%n", page, pages, p.total());
    return 0;
  }

  private static String shorten(String v) {
    String one = v.replace("\n", "\\n");
    return one.length() > 60 ? one.substring(0, 59) + "…" : one;
  }
}
