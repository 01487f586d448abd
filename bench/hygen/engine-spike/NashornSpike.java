import org.openjdk.nashorn.api.scripting.*;
import java.nio.file.*;
public class NashornSpike {
  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    String src = Files.readString(Path.of(a[0]));
    NashornScriptEngineFactory f = new NashornScriptEngineFactory();
    var engine = f.getScriptEngine(new String[]{"--language=es6", "--no-java", "--no-syntax-extensions"}, NashornSpike.class.getClassLoader(), n -> false);
    Object r = engine.eval(src);
    System.out.print(r);
    System.err.printf("nashorn in-jvm %d ms%n", (System.nanoTime()-t0)/1_000_000);
  }
}
