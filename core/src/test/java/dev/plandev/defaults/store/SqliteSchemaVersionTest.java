package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.config.PlandevConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqliteSchemaVersionTest extends SchemaVersionContract {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

  @Override
  PlandevConfig config(Path dataDir) {
    return PlandevConfig.defaults().withDataDir(dataDir.toString());
  }

  @Override
  String history(PlandevConfig config) {
    return "flyway_schema_history";
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void latest_isTheNewestMigration(String dialect) throws IOException, URISyntaxException {
    Path folder =
        Path.of(getClass().getClassLoader().getResource("db/migration/" + dialect).toURI());
    int newest = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Matcher m = MIGRATION.matcher(file.getFileName().toString());
        if (m.matches()) {
          newest = Math.max(newest, Integer.parseInt(m.group(1)));
        }
      }
    }
    assertThat(SchemaVersion.LATEST)
        .as("SchemaVersion.LATEST must name the newest migration in db/migration/" + dialect)
        .isEqualTo(newest);
  }
}
