package dev.plandev.defaults.rank;

/**
 * One learned event kept for retraining: the features the candidates had just before the event (the
 * strongest rows only, always with the target), so a retrain sees what the engine saw then and
 * never features that already count the event itself.
 */
record TrainingExample(KeyState key, FeatureTable table, int target, boolean chosen) {}
