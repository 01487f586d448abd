package dev.plandev.plans.generate;

import java.nio.file.Path;

/**
 * A file produced by a template.
 *
 * @param path where it goes, relative to the working folder
 * @param content its text
 */
public record GeneratedFile(Path path, String content) {}
