package dev.plandev.plans.markdown;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The block structure of a Markdown text that plans care about: top-level headings, task items with
 * their checkbox offsets, and the lines that belong to code blocks.
 *
 * <p>CommonMark decides what is a list item, a heading or code (so {@code - [ ]} inside fenced or
 * indented code is never a task); this class then reads the source at the positions CommonMark
 * reports. Inline parsing is switched off: nothing here needs emphasis or links, and skipping it
 * halves the parse time of large plans. All titles and texts are therefore raw Markdown source.
 */
public final class MarkdownOutline {
  private static final Parser PARSER =
      Parser.builder()
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .inlineParserFactory(context -> (lines, node) -> {})
          .build();
  private static final Pattern ATX_OPEN = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+|$)");
  private static final Pattern ATX_CLOSE = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");

  private final String text;
  private final int bom;
  private final LineTable lines;
  private final List<Heading> headings = new ArrayList<>();
  private final List<TaskItem> tasks = new ArrayList<>();
  private final BitSet codeLines = new BitSet();
  private final List<UnclosedFence> unclosedFences = new ArrayList<>();

  private MarkdownOutline(String text) {
    this.text = text;
    this.bom = text.startsWith("\uFEFF") ? 1 : 0;
    this.lines = new LineTable(text);
  }

  /** Parses {@code text}; never fails, since every text is some Markdown. */
  public static MarkdownOutline parse(String text) {
    MarkdownOutline outline = new MarkdownOutline(text);
    Node document = PARSER.parse(outline.bom == 0 ? text : text.substring(1));
    outline.visitChildren(document, 0, -1, true);
    return outline;
  }

  /** The lines of the parsed text. */
  public LineTable lines() {
    return lines;
  }

  /** Headings that are direct children of the document, in order. */
  public List<Heading> headings() {
    return headings;
  }

  /** Task items in document order, nested ones included. */
  public List<TaskItem> tasks() {
    return tasks;
  }

  /** Fenced code blocks that are never closed, in document order. */
  public List<UnclosedFence> unclosedFences() {
    return unclosedFences;
  }

  /** Whether the 1-based {@code line} is part of a fenced or indented code block. */
  public boolean isCode(int line) {
    return codeLines.get(line);
  }

  private void visitChildren(Node parent, int depth, int parentTask, boolean topLevel) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      visit(node, depth, parentTask, topLevel);
    }
  }

  private void visit(Node node, int depth, int parentTask, boolean topLevel) {
    if (node instanceof org.commonmark.node.Heading heading) {
      if (topLevel) {
        headings.add(heading(heading));
      }
    } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
      for (SourceSpan span : node.getSourceSpans()) {
        codeLines.set(span.getLineIndex() + 1);
      }
      if (node instanceof FencedCodeBlock fence && fence.getClosingFenceLength() == null) {
        addUnclosed(fence);
      }
    } else if (node instanceof ListItem item) {
      int index = addTaskIfAny(item, depth, parentTask);
      visitChildren(item, depth + 1, index >= 0 ? index : parentTask, false);
    } else {
      visitChildren(node, depth, parentTask, false);
    }
  }

  private void addUnclosed(FencedCodeBlock fence) {
    List<SourceSpan> spans = fence.getSourceSpans();
    int first = spans.get(0).getLineIndex() + 1;
    int last = spans.get(spans.size() - 1).getLineIndex() + 1;
    String marker = String.valueOf(fence.getFenceCharacter()).repeat(fence.getOpeningFenceLength());
    int lookalike = 0;
    for (int line = first + 1; line <= last && lookalike == 0; line++) {
      String candidate = lines.text(line).strip();
      if (candidate.startsWith(marker) && candidate.length() > marker.length()) {
        lookalike = line;
      }
    }
    unclosedFences.add(new UnclosedFence(first, last, lookalike));
  }

  private Heading heading(org.commonmark.node.Heading heading) {
    int line = heading.getSourceSpans().get(0).getLineIndex() + 1;
    String source = lines.text(line);
    String title;
    if (ATX_OPEN.matcher(source).find()) {
      title = ATX_CLOSE.matcher(ATX_OPEN.matcher(source).replaceFirst("")).replaceFirst("");
    } else {
      title = source;
    }
    return new Heading(line, heading.getLevel(), title.strip());
  }

  /** Records {@code item} when its paragraph opens with a checkbox; returns its index or -1. */
  private int addTaskIfAny(ListItem item, int depth, int parentTask) {
    List<SourceSpan> spans = paragraphSpans(item);
    if (spans.isEmpty()) {
      return -1;
    }
    SourceSpan first = spans.get(0);
    int at = first.getInputIndex() + bom;
    int lineEnd = at + first.getLength();
    if (!isCheckbox(at, lineEnd)) {
      return -1;
    }
    StringBuilder body = new StringBuilder(text.substring(at + 3, lineEnd).strip());
    for (int i = 1; i < spans.size(); i++) {
      SourceSpan span = spans.get(i);
      int start = span.getInputIndex() + bom;
      body.append(' ').append(text, start, start + span.getLength());
    }
    char mark = text.charAt(at + 1);
    tasks.add(
        new TaskItem(
            first.getLineIndex() + 1,
            depth,
            mark != ' ',
            at + 1,
            body.toString().strip(),
            parentTask,
            childItems(item)));
    return tasks.size() - 1;
  }

  private boolean isCheckbox(int at, int lineEnd) {
    if (at + 3 > lineEnd || text.charAt(at) != '[' || text.charAt(at + 2) != ']') {
      return false;
    }
    char mark = text.charAt(at + 1);
    if (mark != ' ' && mark != 'x' && mark != 'X') {
      return false;
    }
    return at + 3 == lineEnd || text.charAt(at + 3) == ' ' || text.charAt(at + 3) == '\t';
  }

  private List<String> childItems(ListItem item) {
    List<String> children = new ArrayList<>();
    for (Node list = item.getFirstChild(); list != null; list = list.getNext()) {
      if (!(list instanceof ListBlock)) {
        continue;
      }
      for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
        List<SourceSpan> spans = paragraphSpans(child);
        if (!spans.isEmpty()) {
          SourceSpan first = spans.get(0);
          int at = first.getInputIndex() + bom;
          int end = at + first.getLength();
          children.add(text.substring(isCheckbox(at, end) ? at + 3 : at, end).strip());
        }
      }
    }
    return children;
  }

  private static List<SourceSpan> paragraphSpans(Node item) {
    Node first = item.getFirstChild();
    return first instanceof Paragraph ? first.getSourceSpans() : List.of();
  }
}
