package dev.plandev.defaults.model;

/**
 * The default that answers a key in a request context, and why it won.
 *
 * @param entry the winning entry
 * @param matchedFields how many context fields it matched (0 for a global default)
 * @param candidates how many live entries of the key applied to the request context
 */
public record Resolution(DefaultEntry entry, int matchedFields, int candidates) {}
