/** OpenTelemetry spans of the engine, under the caller's span; nothing when tracing is off. */
package dev.plandev.defaults.tracing;
