/**
 * Secrets and who may do what: the AES-256-GCM cipher for secret values at rest (with key ids, so a
 * rotation can re-encrypt), SHA-256 fingerprints, API key records and their roles.
 *
 * <p>Storing API keys and re-encrypting rows are the store's work ({@code store.ApiKeys}, {@code
 * store.KeyRotation}); this package holds no SQL.
 */
package dev.plandev.defaults.security;
