package dev.plandev.defaults.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The range of numbers plandev does arithmetic on: at most {@value #MAX_DIGITS} significant digits
 * and a decimal exponent within ±{@value #MAX_EXPONENT} (so {@code 1e1000} and {@code 1e-1000} are
 * in, {@code 1e1001} and {@code 1e-1001} are out).
 *
 * <p>{@link java.math.BigDecimal} holds any exponent up to ±2<sup>31</sup> in a few bytes, but the
 * arithmetic a JSON Schema asks for ({@code multipleOf}, an {@code enum} of numbers) expands such a
 * number to all of its digits: {@code 1e100000} took seconds of CPU, {@code 1e1000000} minutes. A
 * number is therefore checked against these bounds, by its text before it is parsed and by its
 * value after, before anything computes with it.
 */
final class NumberBounds {
  static final int MAX_DIGITS = 1000;
  static final int MAX_EXPONENT = 1000;

  /** The rule in words, for error messages. */
  static final String RULE =
      "is out of range: a number may have at most "
          + MAX_DIGITS
          + " digits and an exponent within ±"
          + MAX_EXPONENT;

  private NumberBounds() {}

  /**
   * True when the text, read as a number, has more significant digits than allowed; counted on the
   * text so that a long one is refused without being parsed (parsing is quadratic in its length).
   */
  static boolean tooManyDigits(String text) {
    int digits = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (Character.isDigit(c)) {
        leading = leading && c == '0';
        if (!leading && ++digits > MAX_DIGITS) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean within(BigDecimal n) {
    long exponent = (long) n.precision() - n.scale() - 1;
    return n.precision() <= MAX_DIGITS && Math.abs(exponent) <= MAX_EXPONENT;
  }

  static boolean within(BigInteger n) {
    return within(new BigDecimal(n));
  }

  /**
   * The first number in a JSON tree that is out of range, as a JSON Pointer to it and its text, or
   * null when every number is within bounds.
   */
  static OutOfRange firstOutOfRange(JsonNode root) {
    Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
    todo.push(Map.entry("", root));
    while (!todo.isEmpty()) {
      Map.Entry<String, JsonNode> next = todo.pop();
      JsonNode node = next.getValue();
      if (node.isNumber() && !within(node)) {
        return new OutOfRange(next.getKey(), node.asText());
      }
      if (node.isObject()) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          fields.add(Map.entry(next.getKey() + "/" + escape(f.getKey()), f.getValue()));
        }
        for (int i = fields.size() - 1; i >= 0; i--) {
          todo.push(fields.get(i));
        }
      } else if (node.isArray()) {
        for (int i = node.size() - 1; i >= 0; i--) {
          todo.push(Map.entry(next.getKey() + "/" + i, node.get(i)));
        }
      }
    }
    return null;
  }

  private static boolean within(JsonNode number) {
    if (number.isBigDecimal()) {
      return within(number.decimalValue());
    }
    if (number.isBigInteger()) {
      return within(number.bigIntegerValue());
    }
    // int, long: always within; float, double: finite ones are (|exponent| < 330).
    return !(number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue()));
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** A number out of range: where it is (a JSON Pointer, "" for the root) and how it reads. */
  record OutOfRange(String pointer, String text) {}
}
