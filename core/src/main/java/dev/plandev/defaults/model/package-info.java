/**
 * The vocabulary of the Smart Defaults engine, which every other package of it speaks: a default
 * ({@link dev.plandev.defaults.model.DefaultEntry}, written as a {@link
 * dev.plandev.defaults.model.DefaultSpec}) for a key in a {@link
 * dev.plandev.defaults.model.Context}, the {@link dev.plandev.defaults.model.Resolution} that
 * answers a request, {@link dev.plandev.defaults.model.Prediction}s and {@link
 * dev.plandev.defaults.model.Feedback}, the audit and usage records, the {@link
 * dev.plandev.defaults.model.DefaultsStore} interface, the rules of a valid entry ({@link
 * dev.plandev.defaults.model.EntryValidator}), and the module's exceptions under {@link
 * dev.plandev.defaults.model.PlandevException}.
 *
 * <p>It depends on no other package of the engine.
 */
package dev.plandev.defaults.model;
