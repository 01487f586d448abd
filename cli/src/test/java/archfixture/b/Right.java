package archfixture.b;

import archfixture.a.Left;

/** The other half of the deliberate package cycle of {@code archfixture.a.Left}. */
public class Right {
  Left left;
}
