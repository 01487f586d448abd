/**
 * Backups of the store: full snapshots taken while the store serves and writes, compressed with
 * zstd beside a manifest of checksums, row counts and key ids; their verification; and restores
 * with checks before and after.
 *
 * <p>{@link dev.plandev.defaults.backup.Backups} is the way in.
 */
package dev.plandev.defaults.backup;
