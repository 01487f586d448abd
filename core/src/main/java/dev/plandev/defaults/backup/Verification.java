package dev.plandev.defaults.backup;

import java.time.Instant;

/**
 * The outcome of the last verification of one backup.
 *
 * @param id the backup verified
 * @param at when it was verified
 * @param problem why it is damaged (the file that does not match its manifest), null when good
 */
public record Verification(String id, Instant at, String problem) {

  /** True when every file of the backup matched its manifest. */
  public boolean good() {
    return problem == null;
  }
}
