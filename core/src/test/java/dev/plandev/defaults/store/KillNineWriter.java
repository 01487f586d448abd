package dev.plandev.defaults.store;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link KillNineTest}: writes batches forever and prints {@code ACK id=value}
 * lines for each batch only after the store acknowledged it, until it is killed.
 */
public final class KillNineWriter {
  private KillNineWriter() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PlandevConfig config = PlandevConfig.defaults().withDataDir(args[0]);
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      Actor actor = Actor.of("kill-nine");
      out.println("READY");
      for (int batch = 0; ; batch++) {
        List<BatchOperation> ops = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          ops.add(
              BatchOperation.upsert(DefaultSpec.of("k" + batch + "." + i, "v" + batch + "-" + i)));
        }
        BatchResult r = d.store().batch(ops, true, actor);
        StringBuilder line = new StringBuilder("ACK");
        for (int i = 0; i < r.items().size(); i++) {
          line.append(' ')
              .append(r.items().get(i).id())
              .append('=')
              .append("v")
              .append(batch)
              .append('-')
              .append(i);
        }
        out.println(line);
        DefaultEntry single = d.store().put(DefaultSpec.of("single." + batch, "s" + batch), actor);
        out.println("ACK " + single.id() + "=s" + batch);
      }
    }
  }
}
