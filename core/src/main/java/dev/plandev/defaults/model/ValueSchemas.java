package dev.plandev.defaults.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.MultipleOfValidator;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import dev.plandev.defaults.model.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The JSON Schemas that values are checked against ({@code valueSchema}), which anyone with the
 * editor role writes, so each is treated as hostile input.
 *
 * <ul>
 *   <li>A value schema refers only to itself: {@code $ref}, {@code $dynamicRef} and {@code
 *       $recursiveRef} must be local ({@code #…}) and {@code $schema}, when given, a standard
 *       draft. Nothing is ever fetched: the factory's loader refuses every document but the
 *       meta-schemas bundled in the validator's jar, so a reference that resolves elsewhere
 *       (against an {@code $id}, say) fails too, without a request. Referring to schemas the store
 *       holds is not supported.
 *   <li>A schema is at most {@code security.maxValueBytes} long and {@value #MAX_DEPTH} levels
 *       deep, its numbers within {@link NumberBounds}, its {@code multipleOf} above 0.
 *   <li>A value checked against a schema is at most {@value #MAX_DEPTH} levels deep, and the check
 *       itself is bounded by a {@link SchemaBudget}.
 * </ul>
 *
 * <p>Every refusal is a field error naming {@code valueSchema} (or {@code value}) in plain words.
 */
final class ValueSchemas {
  /** How deep a schema, or a value checked against one, may nest (objects and arrays). */
  static final int MAX_DEPTH = 64;

  /** The mapper of values and schemas: floats as exact decimals, as JSON Schema compares them. */
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  static final String ONLY_ITSELF = "a value schema may only refer to itself ('#/…')";
  static final int MAX_ERRORS = 10;

  /**
   * Compiled schemas kept: at most this many, and at most {@link #CACHE_BYTES} of their estimated
   * size, their text plus {@link #CREATED_BYTES} for each validator created in them (networknt
   * creates them as checks reach them, and keeps them), all forgotten when either is full.
   */
  private static final int CACHE_ENTRIES = 256;

  private static final long CACHE_BYTES = 16L << 20;
  private static final long CREATED_BYTES = 1024;

  /** The meta-schemas bundled in networknt's jar, as its meta-schema mapper names them. */
  private static final Pattern BUNDLED =
      Pattern.compile(
          "classpath:(draft/20(19-09|20-12)/(schema|meta/[a-z-]+)|draft-0[467]/schema)");

  private static final JsonSchemaFactory FACTORY = factory();

  /** No preloading: validators are created during a check, within its budget. */
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .regularExpressionFactory(SchemaBudget.patterns())
          .preloadJsonSchema(false)
          .build();

  private final int maxBytes;
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
  private final AtomicLong compiledBytes = new AtomicLong();

  /** The time backstop's clock (System::nanoTime; tests stand it still). */
  private final LongSupplier nanoTime;

  ValueSchemas(int maxBytes) {
    this(maxBytes, System::nanoTime);
  }

  ValueSchemas(int maxBytes, LongSupplier nanoTime) {
    this.maxBytes = maxBytes;
    this.nanoTime = nanoTime;
  }

  private static JsonSchemaFactory factory() {
    JsonSchemaFactory.Builder b =
        JsonSchemaFactory.builder().defaultMetaSchemaIri(SchemaId.V202012);
    for (SpecVersion.VersionFlag draft : SpecVersion.VersionFlag.values()) {
      JsonMetaSchema standard = JsonSchemaFactory.checkVersion(draft).getInstance();
      b.metaSchema(
          SchemaBudget.counted(
              standard, kw -> "multipleOf".equals(kw.getValue()) ? ExactMultipleOf.KEYWORD : kw));
    }
    // Tried before networknt's own loaders (class path, then any URL): returning null hands a
    // bundled meta-schema on to them, throwing ends the load for anything else.
    return b.schemaLoaders(loaders -> loaders.add(ValueSchemas::bundledOnly)).build();
  }

  private static InputStreamSource bundledOnly(AbsoluteIri iri) {
    if (iri != null && BUNDLED.matcher(iri.toString()).matches()) {
      return null;
    }
    throw new Refused(String.valueOf(iri));
  }

  /**
   * Checks a value, as its type reads it, against a schema; adds an error for each way the schema
   * is refused or the value does not match it.
   */
  void check(String schemaText, JsonNode value, String valueText, List<FieldError> errors) {
    JsonSchema schema = compiled.get(schemaText);
    if (schema == null) {
      schema = compile(schemaText, errors);
      if (schema == null) {
        return;
      }
    }
    if (depthOver(value, MAX_DEPTH)) {
      errors.add(
          err(
              "value",
              "is nested more than "
                  + MAX_DEPTH
                  + " levels deep to be checked against valueSchema"));
      return;
    }
    Set<ValidationMessage> problems;
    try (SchemaBudget budget = SchemaBudget.open(nanoTime)) {
      try {
        problems = schema.validate(value);
      } finally {
        grow(budget.created() * CREATED_BYTES);
      }
    } catch (RuntimeException | StackOverflowError e) {
      // Whatever the failed check created in the schema is dropped with it.
      compiled.remove(schemaText);
      errors.add(err("valueSchema", failure(e)));
      return;
    }
    for (ValidationMessage m : problems) {
      errors.add(
          err(
              "value",
              "does not match valueSchema: "
                  + m.getMessage()
                  + "; got '"
                  + Texts.truncate(valueText)
                  + "'"));
    }
  }

  private JsonSchema compile(String text, List<FieldError> errors) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      errors.add(
          err(
              "valueSchema",
              "is "
                  + bytes
                  + " bytes, over the limit of "
                  + maxBytes
                  + " (security.maxValueBytes)"));
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      errors.add(
          err(
              "valueSchema",
              "is not a valid JSON Schema (" + Texts.truncate(e.getOriginalMessage()) + ")"));
      return null;
    }
    if (node == null || !node.isObject()) {
      errors.add(
          err(
              "valueSchema",
              "must be a JSON object (a JSON Schema); got '" + Texts.truncate(text) + "'"));
      return null;
    }
    List<FieldError> refused = SchemaTextRules.refusals(node);
    if (!refused.isEmpty()) {
      errors.addAll(refused);
      return null;
    }
    JsonSchema schema;
    try {
      schema = FACTORY.getSchema(node, CONFIG);
    } catch (RuntimeException | StackOverflowError e) {
      errors.add(err("valueSchema", failure(e)));
      return null;
    }
    remember(text, bytes, schema);
    return schema;
  }

  /** Keeps a compiled schema, within {@link #CACHE_ENTRIES} and {@link #CACHE_BYTES}. */
  private void remember(String text, int bytes, JsonSchema schema) {
    if (compiled.size() >= CACHE_ENTRIES) {
      forgetAll();
    }
    if (compiled.putIfAbsent(text, schema) == null) {
      grow(bytes);
    }
  }

  /** Counts what kept schemas grew by; forgets them all when they are too large. */
  private void grow(long bytes) {
    if (compiledBytes.addAndGet(bytes) > CACHE_BYTES) {
      forgetAll();
    }
  }

  private void forgetAll() {
    compiled.clear();
    compiledBytes.set(0);
  }

  /** True when the tree nests objects and arrays more than {@code max} levels deep. */
  static boolean depthOver(JsonNode root, int max) {
    Deque<Map.Entry<JsonNode, Integer>> todo = new ArrayDeque<>();
    todo.push(Map.entry(root, 1));
    while (!todo.isEmpty()) {
      Map.Entry<JsonNode, Integer> next = todo.pop();
      if (!next.getKey().isContainerNode()) {
        continue;
      }
      if (next.getValue() > max) {
        return true;
      }
      for (JsonNode child : next.getKey()) {
        todo.push(Map.entry(child, next.getValue() + 1));
      }
    }
    return false;
  }

  /** A failure to compile or to check, in plain words. */
  private static String failure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Refused r) {
        return "refers to '" + Texts.truncate(r.iri) + "', which is not allowed; " + ONLY_ITSELF;
      }
      if (t instanceof SchemaBudget.Exceeded) {
        return t.getMessage();
      }
      if (t instanceof StackOverflowError) {
        return "checking the value against this schema nests too deeply; simplify the schema";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "is not a valid JSON Schema (" + Texts.truncate(e.getMessage()) + ")";
  }

  private static FieldError err(String field, String message) {
    return new FieldError(field, message);
  }

  /**
   * {@code multipleOf} on exact decimals. networknt's own goes through {@code double} for anything
   * but a decimal node, which loses digits past 2<sup>53</sup> and fails past 10<sup>308</sup>;
   * with the numbers bounded ({@link NumberBounds}), exact division costs microseconds.
   */
  private static final class ExactMultipleOf extends MultipleOfValidator {
    static final Keyword KEYWORD = new ExactKeyword();

    ExactMultipleOf(
        SchemaLocation schemaLocation,
        JsonNodePath evaluationPath,
        JsonNode schemaNode,
        JsonSchema parentSchema,
        ValidationContext validationContext) {
      super(schemaLocation, evaluationPath, schemaNode, parentSchema, validationContext);
    }

    @Override
    protected BigDecimal getDivisor(JsonNode schemaNode) {
      return schemaNode.isNumber() && schemaNode.decimalValue().signum() != 0
          ? schemaNode.decimalValue()
          : null;
    }

    @Override
    protected BigDecimal getDividend(JsonNode node) {
      return node.isNumber() ? node.decimalValue() : super.getDividend(node);
    }

    private record ExactKeyword() implements Keyword {
      @Override
      public String getValue() {
        return "multipleOf";
      }

      @Override
      public JsonValidator newValidator(
          SchemaLocation schemaLocation,
          JsonNodePath evaluationPath,
          JsonNode schemaNode,
          JsonSchema parentSchema,
          ValidationContext validationContext) {
        return new ExactMultipleOf(
            schemaLocation, evaluationPath, schemaNode, parentSchema, validationContext);
      }
    }
  }

  /** A schema loader's refusal to load a document, carrying its address. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String iri;

    Refused(String iri) {
      super("loading " + iri + " is not allowed", null, false, false);
      this.iri = iri;
    }
  }
}
