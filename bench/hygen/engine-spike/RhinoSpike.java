import org.mozilla.javascript.*;
import java.nio.file.*;
public class RhinoSpike {
  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    String src = Files.readString(Path.of(a[0]));
    Context cx = Context.enter();
    try {
      cx.setLanguageVersion(Context.VERSION_ES6);
      cx.setInterpretedMode(true);
      cx.setClassShutter(n -> false);
      Scriptable scope = cx.initSafeStandardObjects();
      Object r = cx.evaluateString(scope, src, "tmpl.js", 1, null);
      System.out.print(Context.toString(r));
    } finally { Context.exit(); }
    System.err.printf("rhino in-jvm %d ms%n", (System.nanoTime()-t0)/1_000_000);
  }
}
