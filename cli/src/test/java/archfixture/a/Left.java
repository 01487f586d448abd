package archfixture.a;

import archfixture.b.Right;

/** Half of a deliberate package cycle, so the architecture test shows that its rule can fail. */
public class Left {
  Right right;
}
