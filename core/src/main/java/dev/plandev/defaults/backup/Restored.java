package dev.plandev.defaults.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished restore.
 *
 * @param manifest the backup restored
 * @param dataDir the data directory that now holds it
 * @param checks the checks the restored store passed, in words
 */
public record Restored(Manifest manifest, Path dataDir, List<String> checks) {}
