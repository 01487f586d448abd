/**
 * Import and export of every entry as JSON, YAML or CSV ({@link
 * dev.plandev.defaults.exchange.DefaultsExchange}), with secret values kept encrypted.
 */
package dev.plandev.defaults.exchange;
