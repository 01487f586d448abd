package dev.plandev.plans;

import dev.plandev.plans.markdown.LineTable;
import dev.plandev.plans.markdown.MarkdownOutline;
import dev.plandev.plans.markdown.UnclosedFence;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A development plan: the exact text of a Markdown file plus its sections and tasks.
 *
 * <p>A document is immutable. It keeps the bytes it was read from, so {@link #bytes()} of an
 * unedited document is byte-for-byte the file (BOM, CRLF, missing final newline and all). Edits
 * ({@link #withChecked}, {@link #apply}) splice characters at known offsets and return a new
 * document parsed from the result, so an edit changes nothing but the characters it replaces.
 *
 * <p>Text is read as UTF-8; a file that is not valid UTF-8 is read as ISO-8859-1, which maps each
 * byte to one character and back, so even such files round-trip unchanged.
 */
public final class PlanDocument {
  private final String name;
  private final Path path;
  private final Charset charset;
  private final byte[] original;
  private final byte[] source;
  private final String text;
  private final MarkdownOutline outline;
  private final PlanStructure structure;

  private PlanDocument(
      String name, Path path, Charset charset, byte[] original, byte[] source, String text) {
    this.name = name;
    this.path = path;
    this.charset = charset;
    this.original = original;
    this.source = source;
    this.text = text;
    this.outline = MarkdownOutline.parse(text);
    this.structure = PlanStructure.of(outline, titleFromName(name));
  }

  /** Reads and parses the plan at {@code path}. */
  public static PlanDocument parse(Path path) {
    if (!Files.isRegularFile(path)) {
      throw PlanFileException.missing(path);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw PlanFileException.missing(path);
    } catch (IOException e) {
      throw PlanFileException.io("reading", path, e);
    }
    return parse(path, bytes);
  }

  /** Parses {@code bytes} as the content of {@code path} (which is not read). */
  public static PlanDocument parse(Path path, byte[] bytes) {
    Charset charset = StandardCharsets.UTF_8;
    String text = new String(bytes, charset);
    // The fast decoder replaces malformed input with U+FFFD; only then is the strict check needed.
    if (text.indexOf('\uFFFD') >= 0 && !isStrictUtf8(bytes)) {
      charset = StandardCharsets.ISO_8859_1;
      text = new String(bytes, charset);
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw PlanFileException.notText(path, nul);
    }
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    byte[] copy = bytes.clone();
    return new PlanDocument(name, path, charset, copy, copy, text);
  }

  /** Parses Markdown held in memory; {@code name} is used in messages and as a fallback title. */
  public static PlanDocument of(String name, String text) {
    return new PlanDocument(name, null, StandardCharsets.UTF_8, null, null, text);
  }

  /** File name used in messages, e.g. {@code plan-dev-v17.md}. */
  public String name() {
    return name;
  }

  /** Where the plan was read from; null for a document made with {@link #of}. */
  public Path path() {
    return path;
  }

  /** The full text, exactly as read plus the edits applied. */
  @Override
  public String toString() {
    return text;
  }

  /** The content to write: the original bytes when nothing was edited. */
  public byte[] bytes() {
    return original != null ? original.clone() : text.getBytes(charset);
  }

  /** Whether the text differs from {@code other}'s. */
  public boolean differsFrom(PlanDocument other) {
    return !text.equals(other.text);
  }

  /**
   * Writes {@link #bytes()} to {@link #path()} through {@link PlanFileEdit}: under the file's lock,
   * atomically, into the real file behind a symbolic link, keeping its permissions.
   *
   * @throws PlanFileException when the file no longer holds the bytes this document was parsed from
   *     (someone changed it since), or it is read-only or cannot be written
   */
  public void save() {
    Objects.requireNonNull(path, "document has no path; it was made from text");
    PlanFileEdit.apply(
        path,
        current -> {
          if (source != null && !Arrays.equals(current.source, source)) {
            throw PlanFileException.changedMeanwhile(path);
          }
          return new PlanFileEdit.Change<>(this, null);
        });
  }

  /** The whole plan as a section: title, top-level sections and overall progress. */
  public Section root() {
    return structure.root;
  }

  /** Every section except the root, in document order. */
  public List<Section> sections() {
    return List.copyOf(structure.sections);
  }

  /** Every task in document order, nested ones included. */
  public List<Task> tasks() {
    return List.copyOf(structure.tasks);
  }

  /** Done and total tasks of the whole plan. */
  public Progress progress() {
    return structure.root.progress();
  }

  /** The innermost section holding the 1-based {@code line} (the root before any heading). */
  public Section sectionAt(int line) {
    return structure.sectionAt(line);
  }

  /**
   * Finds a task by id ({@code 2.1.3}, {@code 2.1#4}) or by a fragment of its text, ignoring case.
   *
   * @throws TaskNotFoundException when nothing matches
   * @throws AmbiguousTaskException when the fragment matches several tasks
   */
  public Task task(String idOrText) {
    return TaskLookup.find(this, structure.tasksById, idOrText);
  }

  /**
   * The task whose id is exactly {@code id} ({@code 2.1.3}, or the positional {@code 2.1#4}); no
   * text search, so a dependency never lands on a task by accident.
   */
  public Optional<Task> taskWithId(String id) {
    return Optional.ofNullable(structure.tasksById.get(id.strip()));
  }

  /** Tasks nested directly under {@code task}, in document order. */
  public List<Task> subtasks(Task task) {
    return structure.tasks.stream().filter(t -> t.parent().orElse(null) == task).toList();
  }

  /** A copy with {@code task}'s box set to {@code checked}: one character changes at most. */
  public PlanDocument withChecked(Task task, boolean checked) {
    if (task.checked() == checked) {
      return this;
    }
    return apply(List.of(new TextEdit(task.boxOffset(), 1, checked ? "x" : " ")));
  }

  /**
   * A copy with {@code edits} applied; offsets refer to this document's text.
   *
   * @throws IllegalArgumentException when edits overlap or fall outside the text
   */
  public PlanDocument apply(List<TextEdit> edits) {
    if (edits.isEmpty()) {
      return this;
    }
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::offset).reversed());
    StringBuilder out = new StringBuilder(text);
    int limit = text.length();
    for (TextEdit edit : sorted) {
      if (edit.offset() + edit.length() > limit) {
        throw new IllegalArgumentException("edit overlaps another or the end: " + edit);
      }
      out.replace(edit.offset(), edit.offset() + edit.length(), edit.replacement());
      limit = edit.offset();
    }
    return new PlanDocument(name, path, charset, null, source, out.toString());
  }

  /** Number of lines. */
  public int lineCount() {
    return outline.lines().count();
  }

  /** The 1-based {@code line} without its terminator. */
  public String line(int line) {
    return outline.lines().text(line);
  }

  /** Offset in {@link #toString()} where the 1-based {@code line} starts. */
  public int lineOffset(int line) {
    return outline.lines().start(line);
  }

  /** Whether the 1-based {@code line} is inside a fenced or indented code block. */
  public boolean isCode(int line) {
    return outline.isCode(line);
  }

  /** Fenced code blocks that are never closed, so they swallow the rest of their container. */
  public List<UnclosedFence> unclosedFences() {
    return outline.unclosedFences();
  }

  LineTable lines() {
    return outline.lines();
  }

  private static boolean isStrictUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String titleFromName(String name) {
    return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
  }
}
