package dev.plandev.defaults.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.ImportReport;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.model.Texts;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Moves all entries in and out of the store as JSON, YAML or CSV.
 *
 * <p>The three formats carry the same columns, so a file written by {@link #export} and read back
 * by {@link #importFrom} into an empty store exports to the very same bytes. Secret values travel
 * as encrypted tokens, readable only by a store that holds the same key.
 */
public final class DefaultsExchange {
  /** A file format. */
  public enum Format {
    JSON,
    YAML,
    CSV;

    /** Parses {@code json|yaml|csv}. */
    public static Format parse(String text) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(text) || (f == YAML && "yml".equalsIgnoreCase(text))) {
          return f;
        }
      }
      throw new InvalidInputException(
          "format", "must be json, yaml or csv; got '" + Texts.truncate(text) + "'");
    }

    /** The format a file name's extension names. */
    public static Format of(Path file) {
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        throw new InvalidInputException(
            "format", "cannot tell the format of '" + name + "' from its name; pass --format");
      }
      return parse(name.substring(dot + 1));
    }
  }

  static final List<String> COLUMNS =
      List.of(
          "key",
          "value",
          "valueType",
          "valueSchema",
          "context",
          "confidence",
          "usageCount",
          "successRate",
          "lastUsed",
          "createdAt",
          "updatedAt",
          "expiresAt",
          "deprecated",
          "secret",
          "version");

  private final DefaultsStore store;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectMapper yaml =
      new ObjectMapper(
          new YAMLFactory()
              // Every string quoted: unquoted YAML would read a value like 1e3 or yes back as
              // a number or a boolean, and the round trip would not be lossless.
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  private final CsvMapper csv = new CsvMapper();

  public DefaultsExchange(DefaultsStore store) {
    this.store = store;
  }

  /** Writes every entry, ordered by key then context; returns how many. */
  public int export(Format format, OutputStream out) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ExportedDefault e : store.exportAll()) {
      rows.add(toRow(e, format == Format.CSV));
    }
    try {
      switch (format) {
        case JSON -> {
          json.writeValue(new NonClosing(out), rows);
          out.write('\n');
        }
        case YAML -> yaml.writeValue(new NonClosing(out), rows);
        default -> {
          CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
          COLUMNS.forEach(b::addColumn);
          csv.writer(b.build()).writeValue(new NonClosing(out), rows);
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new StorageException("cannot write the export: " + e.getMessage(), e);
    }
    return rows.size();
  }

  /**
   * Reads entries and writes them to the store. Rows are numbered from 1 in the report; with {@code
   * partial} false, any bad row means nothing is written.
   */
  public ImportReport importFrom(Format format, InputStream in, boolean partial, Actor actor) {
    List<Map<String, Object>> rows = read(format, in);
    List<ExportedDefault> parsed = new ArrayList<>();
    List<ImportReport.RowError> errors = new ArrayList<>();
    parse(rows, parsed, errors);
    if (!errors.isEmpty() && !partial) {
      return new ImportReport(rows.size(), 0, errors);
    }
    ImportReport stored = store.importAll(parsed, partial, actor);
    List<ImportReport.RowError> all = new ArrayList<>(errors);
    all.addAll(stored.errors());
    return new ImportReport(rows.size(), stored.applied(), all);
  }

  /**
   * What {@link #importFrom} would refuse, row by row, without writing anything: the report's
   * {@code applied} is 0. A file that cannot be read at all throws as the import would.
   */
  public ImportReport check(Format format, InputStream in) {
    List<Map<String, Object>> rows = read(format, in);
    List<ExportedDefault> parsed = new ArrayList<>();
    List<ImportReport.RowError> errors = new ArrayList<>();
    parse(rows, parsed, errors);
    // Rows that parsed keep their place in the file in the store's report.
    List<Integer> places = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      int row = i + 1;
      if (errors.stream().noneMatch(e -> e.row() == row)) {
        places.add(row);
      }
    }
    List<ImportReport.RowError> all = new ArrayList<>(errors);
    for (ImportReport.RowError e : store.checkImport(parsed).errors()) {
      all.add(new ImportReport.RowError(places.get(e.row() - 1), e.key(), e.message()));
    }
    all.sort(Comparator.comparingInt(ImportReport.RowError::row));
    return new ImportReport(rows.size(), 0, all);
  }

  private void parse(
      List<Map<String, Object>> rows,
      List<ExportedDefault> parsed,
      List<ImportReport.RowError> errors) {
    for (int i = 0; i < rows.size(); i++) {
      try {
        parsed.add(fromRow(rows.get(i)));
      } catch (InvalidInputException e) {
        Object key = rows.get(i).get("key");
        errors.add(
            new ImportReport.RowError(i + 1, key == null ? null : key.toString(), e.getMessage()));
      }
    }
  }

  private List<Map<String, Object>> read(Format format, InputStream in) {
    try {
      if (format == Format.CSV) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, Object>> out = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> it =
            csv.readerFor(new TypeReference<Map<String, Object>>() {})
                .with(schema)
                .readValues(in)) {
          // hasNextValue/nextValue throw the parse error itself; hasNext/next would wrap it in an
          // unchecked exception that no longer reads as bad input.
          while (it.hasNextValue()) {
            out.add(it.nextValue());
          }
        }
        return out;
      }
      ObjectMapper m = format == Format.JSON ? json : yaml;
      List<Map<String, Object>> out = m.readValue(in, new TypeReference<>() {});
      return out == null ? List.of() : out;
    } catch (CharConversionException e) {
      throw notUtf8(format);
    } catch (JsonProcessingException e) {
      throw unreadable(format, e);
    } catch (IOException e) {
      throw new StorageException("cannot read the import: " + e.getMessage(), e);
    }
  }

  /**
   * Why a file could not be parsed, in words for the person who wrote it: the parser's messages
   * about the shape name Java types, so those become one plain sentence.
   */
  private static InvalidInputException unreadable(Format format, JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharConversionException
          || String.valueOf(t.getMessage()).contains("Invalid UTF-8")) {
        return notUtf8(format);
      }
    }
    String name = format.name().toLowerCase(Locale.ROOT);
    String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    if (e instanceof JsonMappingException) {
      return new InvalidInputException(
          "file",
          "must be a "
              + name
              + " list of defaults, one object with key and value per default"
              + where);
    }
    return new InvalidInputException(
        "file", "is not a valid " + name + " list of defaults: " + e.getOriginalMessage() + where);
  }

  private static InvalidInputException notUtf8(Format format) {
    return new InvalidInputException(
        "file",
        "is not UTF-8 text; save the "
            + format.name().toLowerCase(Locale.ROOT)
            + " file as UTF-8 and import it again");
  }

  private static Map<String, Object> toRow(ExportedDefault e, boolean flat) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", e.key());
    m.put("value", e.value());
    m.put("valueType", e.valueType());
    m.put("valueSchema", e.valueSchema());
    m.put("context", flat ? e.context() : Context.parse(e.context()).fields());
    m.put("confidence", e.confidence());
    m.put("usageCount", e.usageCount());
    m.put("successRate", e.successRate());
    m.put("lastUsed", text(e.lastUsed()));
    m.put("createdAt", text(e.createdAt()));
    m.put("updatedAt", text(e.updatedAt()));
    m.put("expiresAt", text(e.expiresAt()));
    m.put("deprecated", e.deprecated());
    m.put("secret", e.secret());
    m.put("version", e.version());
    return m;
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  private ExportedDefault fromRow(Map<String, Object> r) {
    for (String column : r.keySet()) {
      if (!COLUMNS.contains(column)) {
        throw new InvalidInputException(
            column, "is not a column of defaults; known columns: " + COLUMNS);
      }
    }
    Object ctx = r.get("context");
    String context;
    if (ctx instanceof Map<?, ?> map) {
      Map<String, String> fields = new LinkedHashMap<>();
      map.forEach((k, v) -> fields.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
      try {
        context = Context.of(fields).toJson();
      } catch (NullPointerException e) {
        throw new InvalidInputException("context", "values must not be null");
      }
    } else {
      context = blank(ctx) ? "{}" : ctx.toString();
    }
    Object value = r.get("value");
    return new ExportedDefault(
        str(r.get("key")),
        value == null ? null : value.toString(),
        blank(r.get("valueType")) ? "string" : r.get("valueType").toString(),
        blank(r.get("valueSchema")) ? null : schemaText(r.get("valueSchema")),
        context,
        number(r, "confidence", 1.0),
        (long) number(r, "usageCount", 0),
        number(r, "successRate", 0),
        instant(r, "lastUsed"),
        instant(r, "createdAt"),
        instant(r, "updatedAt"),
        instant(r, "expiresAt"),
        bool(r, "deprecated"),
        bool(r, "secret"),
        (long) number(r, "version", 1));
  }

  private String schemaText(Object schema) {
    if (schema instanceof String s) {
      return s;
    }
    try {
      return new ObjectMapper().writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("valueSchema", "cannot be written as JSON");
    }
  }

  private static boolean blank(Object o) {
    return o == null || o.toString().isEmpty();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static double number(Map<String, Object> r, String field, double fallback) {
    Object o = r.get(field);
    if (blank(o)) {
      return fallback;
    }
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(o.toString());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          field, "must be a number; got '" + Texts.truncate(o.toString()) + "'");
    }
  }

  private static boolean bool(Map<String, Object> r, String field) {
    Object o = r.get(field);
    if (blank(o)) {
      return false;
    }
    if (o instanceof Boolean b) {
      return b;
    }
    String t = o.toString().trim();
    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(t);
    }
    throw new InvalidInputException(
        field, "must be true or false; got '" + Texts.truncate(t) + "'");
  }

  private static Instant instant(Map<String, Object> r, String field) {
    Object o = r.get(field);
    if (blank(o)) {
      return null;
    }
    try {
      return Instant.parse(o.toString());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field,
          "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z; got '"
              + Texts.truncate(o.toString())
              + "'");
    }
  }

  /** Keeps Jackson from closing the caller's stream (stdout in the CLI). */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
