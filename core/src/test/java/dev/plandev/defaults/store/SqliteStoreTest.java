package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.security.SecretKeyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SqliteStoreTest extends StoreContract {
  @Override
  PlandevConfig config(Path dataDir) {
    return PlandevConfig.defaults().withDataDir(dataDir.toString());
  }

  @Test
  void databaseFilesNeverHoldTheSecretPlaintext() throws Exception {
    String secret = "correct-horse-battery-staple-" + System.nanoTime();
    store.put(DefaultSpec.of("vault.pass", secret).withSecret(true), alice);
    store.put(DefaultSpec.of("vault.pass", secret + "-2").withSecret(true), alice);
    assertThat(store.find("vault.pass", Context.EMPTY).orElseThrow().value()).endsWith("-2");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).doesNotContain(secret);
      }
    }
  }

  @Test
  void keyFile_isCreatedOnFirstSecret_ownerOnly() throws Exception {
    Path keyFile = dir.resolve("secret.key");
    assertThat(keyFile).doesNotExist();
    store.put(DefaultSpec.of("plain", "x"), alice);
    assertThat(keyFile).doesNotExist();
    store.put(DefaultSpec.of("s", "x").withSecret(true), alice);
    assertThat(keyFile).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
  }

  @Test
  void walMode_isOn() throws Exception {
    store.put(DefaultSpec.of("k", "v"), alice);
    assertThat(dir.resolve("defaults.db-wal")).exists();
  }

  @Test
  void missingKey_givesAClearError() throws Exception {
    store.put(DefaultSpec.of("s", "x").withSecret(true), alice);
    defaults.close();
    Files.delete(dir.resolve("secret.key"));
    defaults = SmartDefaults.open(config(dir), clock);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> defaults.resolve("s", Context.EMPTY))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("not in the key file")
        .hasMessageContaining("restore");
  }
}
