package dev.plandev.plans.hygen;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (longest common subsequence, three lines of context), for
 * showing an injection without writing it.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff of {@code before} and {@code after} of {@code path}, empty when they are equal. */
  public static String of(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] =
            a[i].equals(b[j])
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        lines.add(" " + a[i++]);
        j++;
      } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
        lines.add("+" + b[j++]);
      } else {
        lines.add("-" + a[i++]);
      }
    }
    StringBuilder out = new StringBuilder("--- " + path + "\n+++ " + path + " (injected)\n");
    int shownUpTo = -1;
    int k = 0;
    while (k < lines.size()) {
      if (lines.get(k).charAt(0) == ' ') {
        k++;
        continue;
      }
      int from = Math.max(shownUpTo + 1, k - CONTEXT);
      if (from > shownUpTo + 1 || shownUpTo < 0) {
        out.append("@@\n");
      }
      int to = k;
      while (to + 1 < lines.size()
          && (lines.get(to + 1).charAt(0) != ' ' || nearChange(lines, to + 1))) {
        to++;
      }
      int end = Math.min(lines.size() - 1, to + CONTEXT);
      for (int m = from; m <= end; m++) {
        out.append(lines.get(m)).append('\n');
      }
      shownUpTo = end;
      k = end + 1;
    }
    return out.toString();
  }

  /** Whether a change comes within the context of line {@code k}. */
  private static boolean nearChange(List<String> lines, int k) {
    for (int m = k; m < Math.min(lines.size(), k + CONTEXT + 1); m++) {
      if (lines.get(m).charAt(0) != ' ') {
        return true;
      }
    }
    return false;
  }
}
