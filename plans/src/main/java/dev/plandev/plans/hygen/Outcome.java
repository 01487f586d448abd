package dev.plandev.plans.hygen;

/**
 * What one action of a generator did.
 *
 * @param kind {@code add}, {@code inject}, {@code shell} or {@code echo}
 * @param subject the file written or injected into (as the template named it), or the command
 * @param status {@code added}, {@code forced}, {@code injected}, {@code skipped}, {@code executed},
 *     {@code not run} (a command without --allow-shell) or {@code error}
 * @param before the file's content before (an injection), or null
 * @param after the file's content after (added or injected), or the command's input, or null
 * @param note why it was skipped or failed, or null
 */
public record Outcome(
    String kind, String subject, String status, String before, String after, String note) {}
