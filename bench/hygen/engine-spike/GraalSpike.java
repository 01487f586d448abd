import org.graalvm.polyglot.*;
import org.graalvm.polyglot.io.IOAccess;
import java.nio.file.*;
public class GraalSpike {
  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    String src = Files.readString(Path.of(a[0]));
    try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
         Context cx = Context.newBuilder("js").engine(engine).allowHostAccess(HostAccess.NONE).allowIO(IOAccess.NONE)
           .allowCreateProcess(false).allowCreateThread(false).allowNativeAccess(false).allowHostClassLookup(n -> false).build()) {
      Value r = cx.eval(Source.newBuilder("js", src, "tmpl.js").build());
      System.out.print(r.asString());
    }
    System.err.printf("graal in-jvm %d ms%n", (System.nanoTime()-t0)/1_000_000);
  }
}
