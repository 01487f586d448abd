package dev.plandev.server;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A seeded generator: everything it draws comes from the {@link SplittableRandom} it is handed, so
 * the same seed gives the same values. The combinators are plain methods; there is no shrinking and
 * no edge-case mixing (the hostile lists in {@link HostileValues} carry the edge cases).
 */
@FunctionalInterface
interface Gen<T> {
  T next(SplittableRandom random);

  default <U> Gen<U> map(Function<? super T, ? extends U> f) {
    return r -> f.apply(next(r));
  }

  /** Draws again until the value is kept; a filter that keeps (almost) nothing is a bug. */
  default Gen<T> filter(Predicate<? super T> keep) {
    return r -> {
      for (int i = 0; i < 10_000; i++) {
        T t = next(r);
        if (keep.test(t)) {
          return t;
        }
      }
      throw new IllegalStateException("the filter kept nothing in 10000 draws");
    };
  }

  /** Lists of 0 to {@code maxSize} values, the size uniform. */
  default Gen<List<T>> list(int maxSize) {
    return r -> {
      int n = r.nextInt(maxSize + 1);
      List<T> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        values.add(next(r));
      }
      return values;
    };
  }

  /** Null with the probability, else a value. */
  default Gen<T> orNull(double probability) {
    return r -> r.nextDouble() < probability ? null : next(r);
  }

  static <T> Gen<T> just(T value) {
    return r -> value;
  }

  /** One of the values, each as likely. */
  static <T> Gen<T> of(List<T> values) {
    List<T> copy = List.copyOf(values);
    return r -> copy.get(r.nextInt(copy.size()));
  }

  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(List.of(values));
  }

  /** A value of one of the generators, each as likely. */
  static <T> Gen<T> oneOf(List<Gen<T>> gens) {
    List<Gen<T>> copy = List.copyOf(gens);
    return r -> copy.get(r.nextInt(copy.size())).next(r);
  }

  /** A generator with its weight in {@link #frequency}. */
  record Weighted<T>(int weight, Gen<T> gen) {}

  static <T> Weighted<T> weight(int weight, Gen<T> gen) {
    return new Weighted<>(weight, gen);
  }

  /** A value of one of the generators, each chosen in proportion to its weight. */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<T>... choices) {
    List<Weighted<T>> copy = List.of(choices);
    int total = copy.stream().mapToInt(Weighted::weight).sum();
    return r -> {
      int pick = r.nextInt(total);
      for (Weighted<T> c : copy) {
        pick -= c.weight();
        if (pick < 0) {
          return c.gen().next(r);
        }
      }
      throw new AssertionError("unreachable");
    };
  }

  /** Integers from {@code min} to {@code max}, both included. */
  static Gen<Integer> ints(int min, int max) {
    return r -> r.nextInt(min, max + 1);
  }

  /** Any long: mostly the whole range, often small, now and then at a boundary. */
  static Gen<Long> longs() {
    return frequency(
        weight(6, SplittableRandom::nextLong),
        weight(2, r -> r.nextLong(-1_000, 1_001)),
        weight(
            2,
            of(
                0L,
                1L,
                -1L,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                Integer.MAX_VALUE + 1L,
                Integer.MIN_VALUE - 1L,
                (1L << 53) + 1)));
  }

  /** Any finite double: every magnitude, small whole numbers and the boundaries. */
  static Gen<Double> doubles() {
    return frequency(
        weight(
            5,
            r -> (r.nextBoolean() ? -1 : 1) * r.nextDouble() * Math.pow(10, r.nextInt(-300, 300))),
        weight(2, r -> (double) r.nextInt(-1_000, 1_001)),
        weight(
            1,
            of(
                0.0,
                -0.0,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                -Double.MAX_VALUE,
                Double.MIN_NORMAL)));
  }

  /**
   * Any code point: mostly printable ASCII, and controls, the rest of the basic plane, lone
   * surrogates, byte-order and direction marks and the supplementary planes.
   */
  static Gen<Integer> anyCodePoint() {
    return frequency(
        weight(40, ints(' ', '~')),
        weight(8, ints(0, 0x1F)),
        weight(2, just(0x7F)),
        weight(12, ints(0x80, 0xFF)),
        weight(15, ints(0x100, 0xD7FF)),
        weight(8, ints(0xE000, 0xFFFF)),
        weight(5, of(0x0, 0xFEFF, 0x202E, 0x2028, 0xFFFD, 0xFFFF, 0xD800, 0xDFFF, 0x0130, 0x212A)),
        weight(10, ints(0x10000, 0x10FFFF)));
  }

  /** Strings of any code points, 0 to {@code maxLength} of them. */
  static Gen<String> strings(int maxLength) {
    return strings(anyCodePoint(), 0, maxLength);
  }

  /** Strings of the characters from {@code first} to {@code last}, 0 to {@code maxLength}. */
  static Gen<String> strings(char first, char last, int maxLength) {
    return strings(ints(first, last), 0, maxLength);
  }

  /** Strings of the alphabet's characters, {@code minLength} to {@code maxLength} of them. */
  static Gen<String> strings(String alphabet, int minLength, int maxLength) {
    return strings(of(alphabet.codePoints().boxed().toList()), minLength, maxLength);
  }

  /** Strings of drawn code points, {@code minLength} to {@code maxLength} of them. */
  static Gen<String> strings(Gen<Integer> codePoints, int minLength, int maxLength) {
    return r -> {
      int n = r.nextInt(minLength, maxLength + 1);
      StringBuilder b = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        b.appendCodePoint(codePoints.next(r));
      }
      return b.toString();
    };
  }
}
