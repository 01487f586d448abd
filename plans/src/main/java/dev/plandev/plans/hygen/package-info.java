/**
 * hygen-format generators run unchanged: {@code _templates/GENERATOR/ACTION/*.ejs.t} files with
 * front matter, {@code prompt.js} or {@code index.js} prompts whose defaults come from the Smart
 * Defaults engine, and the actions add, inject and sh, writing what hygen 6.2.11 writes.
 */
package dev.plandev.plans.hygen;
