package dev.plandev.plans.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The templates {@code plandev new} can use: user folders first, then the built-ins, so that a user
 * template overrides the built-in of the same name.
 *
 * <pre>{@code
 * TemplateCatalog catalog = TemplateCatalog.of(List.of(workingDir.resolve("_templates")));
 * PlanTemplate plan = catalog.find("plan-dev", "fr");
 * }</pre>
 */
public final class TemplateCatalog {
  /** The language used when neither the request nor the locale names one the template has. */
  public static final String FALLBACK_LANGUAGE = "fr";

  /** The languages of the built-in templates. */
  public static final List<String> LANGUAGES = List.of("fr", "en");

  private final List<TemplateSource> sources;

  private TemplateCatalog(List<TemplateSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The built-in templates only. */
  public static TemplateCatalog builtIn() {
    return of(List.of());
  }

  /** User folders (earlier ones win; folders that do not exist are skipped) over the built-ins. */
  public static TemplateCatalog of(List<Path> userFolders) {
    List<TemplateSource> sources = new ArrayList<>();
    for (Path folder : userFolders) {
      if (Files.isDirectory(folder)) {
        sources.add(new FolderTemplates(folder));
      }
    }
    sources.add(new ClasspathTemplates(TemplateCatalog.class.getClassLoader()));
    return new TemplateCatalog(sources);
  }

  /**
   * The files of the built-in template {@code name}, by their path inside its folder ({@code
   * en/prompts.yaml}, {@code en/plan.md}), to copy into a folder of user templates and edit there.
   *
   * @throws TemplateNotFoundException listing the built-in names
   */
  public static Map<String, String> builtInFiles(String name) {
    ClasspathTemplates builtIn = new ClasspathTemplates(TemplateCatalog.class.getClassLoader());
    Map<String, String> files = builtIn.files(name);
    if (files.isEmpty()) {
      throw new TemplateNotFoundException(name, builtIn.names().keySet());
    }
    return files;
  }

  /** The built-in language for a locale: {@code en} for English, else {@code fr}. */
  public static String languageOf(Locale locale) {
    String lang = locale.getLanguage();
    return LANGUAGES.contains(lang) ? lang : FALLBACK_LANGUAGE;
  }

  /** Every template name once, from the source that wins for it, sorted by name. */
  public List<TemplateSummary> list() {
    return list(FALLBACK_LANGUAGE);
  }

  /**
   * Every template name once, from the source that wins for it, sorted by name, described in {@code
   * language} where the template has it (else as {@link #find} would pick).
   */
  public List<TemplateSummary> list(String language) {
    Map<String, TemplateSummary> byName = new TreeMap<>();
    for (TemplateSource source : sources) {
      source
          .names()
          .forEach(
              (name, languages) -> {
                if (!byName.containsKey(name)) {
                  PlanTemplate t = source.load(name, pick(languages, language));
                  byName.put(
                      name,
                      new TemplateSummary(
                          name, List.copyOf(languages), source.origin(), t.description()));
                }
              });
    }
    return List.copyOf(byName.values());
  }

  /**
   * The template of that name from the first source that has it, in the asked language if it has
   * it, else a language-neutral version, else French, else its first language.
   *
   * @throws TemplateNotFoundException listing the known names
   */
  public PlanTemplate find(String name, String language) {
    TemplateSource source = source(name);
    return source.load(name, pick(source.names().get(name), language));
  }

  /**
   * The languages the template of that name has, as the source that wins for it holds them; an
   * empty string stands for a language-neutral version.
   *
   * @throws TemplateNotFoundException listing the known names
   */
  public Set<String> languages(String name) {
    return Set.copyOf(source(name).names().get(name));
  }

  private TemplateSource source(String name) {
    for (TemplateSource source : sources) {
      Set<String> languages = source.names().get(name);
      if (languages != null) {
        return source;
      }
    }
    Set<String> known = new LinkedHashSet<>();
    for (TemplateSource source : sources) {
      known.addAll(source.names().keySet());
    }
    throw new TemplateNotFoundException(name, known);
  }

  private static String pick(Set<String> languages, String wanted) {
    for (String candidate : List.of(wanted == null ? "" : wanted, "", FALLBACK_LANGUAGE)) {
      if (languages.contains(candidate)) {
        return candidate;
      }
    }
    return languages.iterator().next();
  }
}
