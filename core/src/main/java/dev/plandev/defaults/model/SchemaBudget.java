package dev.plandev.defaults.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.Vocabularies;
import com.networknt.schema.Vocabulary;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The work one check of a value against its schema may do, so that no schema and value can make it
 * run without end: a schema of a few hundred bytes can ask for 2<sup>40</sup> evaluations ({@code
 * allOf} of two {@code $ref}s, forty times over), recurse forever ({@code {"$ref":"#"}}), or hold a
 * {@code pattern} that backtracks polynomially ({@code ^(.*a){12}b}).
 *
 * <p>The budget counts steps up to {@value #MAX_STEPS}: one per keyword evaluated, plus one per
 * member of the object or array or per 64 characters of the string it looks at, and {@value
 * #CREATION_STEPS} per validator created. It also bounds the nesting of evaluations, to {@value
 * #MAX_NESTING}; the characters a {@code pattern} reads, to {@value #MAX_PATTERN_STEPS}; and, as a
 * backstop for work none of these counts, the time, to {@value #MAX_MILLIS} ms. Legitimate value
 * schemas use a small fraction of each. Going over any of them ends the check with {@link
 * Exceeded}. Schemas must be compiled without preloading, so that validators are created, and
 * counted, during the check.
 *
 * <p>It is kept per thread from {@link #open} to {@link #close}: keywords are counted by wrapping
 * the keywords of the dialects ({@link #counted}) and patterns by reading the value through a
 * counting {@link CharSequence} ({@link #patterns}).
 */
final class SchemaBudget implements AutoCloseable {
  static final int MAX_STEPS = 1_000_000;
  static final int MAX_NESTING = 256;
  static final long MAX_PATTERN_STEPS = 10_000_000;
  static final long MAX_MILLIS = 2_000;

  /**
   * Steps a validator's creation costs: networknt creates the validators of a subschema anew for
   * each path that reaches it, at some 20 times the cost of an evaluation, and keeps them.
   */
  static final int CREATION_STEPS = 20;

  private static final int CLOCK_EVERY = 1 << 10;
  private static final int PATTERN_CLOCK_EVERY = 1 << 16;
  private static final ThreadLocal<SchemaBudget> CURRENT = new ThreadLocal<>();

  /**
   * Keywords whose validators stay unwrapped: {@code format} may not be replaced (networknt only
   * allows a format keyword factory), and {@code type} is looked up by its class by {@code anyOf};
   * both look at one node and nothing under it, and are reached only through counted keywords.
   */
  private static final Set<String> UNCOUNTED = Set.of("format", "type");

  private final LongSupplier nanoTime;
  private final long deadline;
  private final SchemaBudget outer;
  private long steps;
  private long calls;
  private long created;
  private long patternSteps;
  private int nesting;

  private SchemaBudget(SchemaBudget outer, LongSupplier nanoTime) {
    this.outer = outer;
    this.nanoTime = nanoTime;
    this.deadline = nanoTime.getAsLong() + MAX_MILLIS * 1_000_000;
  }

  /**
   * Starts a fresh budget for this thread, in force until {@link #close}; the check runs between.
   */
  static SchemaBudget open() {
    return open(System::nanoTime);
  }

  /**
   * The same, with the time backstop read from {@code nanoTime}: a test that stands it still checks
   * the step budgets alone, whatever the machine's load.
   */
  static SchemaBudget open(LongSupplier nanoTime) {
    SchemaBudget budget = new SchemaBudget(CURRENT.get(), nanoTime);
    CURRENT.set(budget);
    return budget;
  }

  @Override
  public void close() {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }

  /** How many validators the check created (networknt creates them lazily, as it reaches them). */
  long created() {
    return created;
  }

  /**
   * The same dialect with its keywords first passed through {@code replace}, then, but for {@link
   * #UNCOUNTED} ones, counted against the budget.
   */
  static JsonMetaSchema counted(JsonMetaSchema dialect, UnaryOperator<Keyword> replace) {
    UnaryOperator<Keyword> adjust = kw -> counted(replace.apply(kw));
    // From 2019-09 on, building a dialect adds the keywords of its vocabularies again, so those are
    // adjusted too, through the vocabulary factory.
    return JsonMetaSchema.builder(dialect)
        .keywords(
            (Map<String, Keyword> keywords) -> keywords.replaceAll((k, kw) -> adjust.apply(kw)))
        .vocabularyFactory(
            iri -> {
              Vocabulary v = Vocabularies.getVocabulary(iri);
              return v == null
                  ? null
                  : new Vocabulary(
                      v.getIri(), v.getKeywords().stream().map(adjust).toArray(Keyword[]::new));
            })
        .build();
  }

  private static Keyword counted(Keyword keyword) {
    return UNCOUNTED.contains(keyword.getValue()) || keyword instanceof CountedKeyword
        ? keyword
        : new CountedKeyword(keyword);
  }

  /** Patterns as the JDK reads them (like networknt's default), counted against the budget. */
  static RegularExpressionFactory patterns() {
    return regex -> {
      Pattern pattern = Pattern.compile(regex);
      return value -> {
        SchemaBudget budget = CURRENT.get();
        CharSequence text = budget == null ? value : budget.new CountingText(value);
        // find, not matches: a JSON Schema pattern is not anchored.
        return pattern.matcher(text).find();
      };
    };
  }

  private void enter(JsonNode node) {
    nesting++;
    if (nesting > MAX_NESTING) {
      throw new Exceeded(
          "checking the value against this schema nests more than "
              + MAX_NESTING
              + " levels deep (a $ref that refers to itself?); simplify the schema");
    }
    step(weight(node));
  }

  private void creating() {
    created++;
    step(CREATION_STEPS);
  }

  private void step(long weight) {
    steps += weight;
    if (steps > MAX_STEPS) {
      throw new Exceeded(
          "checking the value against this schema takes more than "
              + MAX_STEPS
              + " steps; simplify the schema");
    }
    if ((++calls & (CLOCK_EVERY - 1)) == 0) {
      checkClock();
    }
  }

  private void exit() {
    nesting--;
  }

  /** One step, plus one per member of an object or array and per 64 characters of a string. */
  private static long weight(JsonNode node) {
    if (node == null) {
      return 1;
    }
    if (node.isContainerNode()) {
      return 1L + node.size();
    }
    return node.isTextual() ? 1L + (node.textValue().length() >> 6) : 1;
  }

  private void patternStep() {
    patternSteps++;
    if (patternSteps > MAX_PATTERN_STEPS) {
      throw new Exceeded(
          "matching the value against a pattern of this schema takes more than "
              + MAX_PATTERN_STEPS
              + " steps; simplify the pattern");
    }
    if ((patternSteps & (PATTERN_CLOCK_EVERY - 1)) == 0) {
      checkClock();
    }
  }

  private void checkClock() {
    if (nanoTime.getAsLong() - deadline > 0) {
      throw new Exceeded(
          "checking the value against this schema takes more than "
              + MAX_MILLIS
              + " ms; simplify the schema");
    }
  }

  /** The check went over its budget; the message says which part, in plain words. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message, null, false, false);
    }
  }

  /** A text whose every character read by a pattern counts against the budget. */
  private final class CountingText implements CharSequence {
    private final String text;

    CountingText(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      patternStep();
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A keyword whose validators count their evaluations. */
  private record CountedKeyword(Keyword keyword) implements Keyword {
    @Override
    public String getValue() {
      return keyword.getValue();
    }

    @Override
    public JsonValidator newValidator(
        SchemaLocation schemaLocation,
        JsonNodePath evaluationPath,
        JsonNode schemaNode,
        JsonSchema parentSchema,
        ValidationContext validationContext)
        throws Exception {
      SchemaBudget budget = CURRENT.get();
      if (budget != null) {
        budget.creating();
      }
      JsonValidator v =
          keyword.newValidator(
              schemaLocation, evaluationPath, schemaNode, parentSchema, validationContext);
      return v == null ? null : new CountedValidator(v);
    }
  }

  /** A validator that counts each evaluation, and its nesting, against the thread's budget. */
  private record CountedValidator(JsonValidator validator) implements JsonValidator {
    @Override
    public Set<ValidationMessage> validate(
        ExecutionContext executionContext,
        JsonNode node,
        JsonNode rootNode,
        JsonNodePath instanceLocation) {
      SchemaBudget budget = CURRENT.get();
      if (budget == null) {
        return validator.validate(executionContext, node, rootNode, instanceLocation);
      }
      budget.enter(node);
      try {
        return validator.validate(executionContext, node, rootNode, instanceLocation);
      } finally {
        budget.exit();
      }
    }

    @Override
    public Set<ValidationMessage> walk(
        ExecutionContext executionContext,
        JsonNode node,
        JsonNode rootNode,
        JsonNodePath instanceLocation,
        boolean shouldValidateSchema) {
      return validator.walk(
          executionContext, node, rootNode, instanceLocation, shouldValidateSchema);
    }

    @Override
    public void preloadJsonSchema() {
      validator.preloadJsonSchema();
    }

    @Override
    public SchemaLocation getSchemaLocation() {
      return validator.getSchemaLocation();
    }

    @Override
    public JsonNodePath getEvaluationPath() {
      return validator.getEvaluationPath();
    }

    @Override
    public String getKeyword() {
      return validator.getKeyword();
    }

    @Override
    public String toString() {
      return validator.toString();
    }
  }
}
