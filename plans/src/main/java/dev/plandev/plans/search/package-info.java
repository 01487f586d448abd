/**
 * Finding tasks across plans by their words, state and tags: {@link
 * dev.plandev.plans.search.TaskQuery} says what is wanted, {@link
 * dev.plandev.plans.search.TaskSearch} runs it over plan files and returns {@link
 * dev.plandev.plans.search.TaskMatch}es.
 */
package dev.plandev.plans.search;
