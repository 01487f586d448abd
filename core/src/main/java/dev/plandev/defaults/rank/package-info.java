/**
 * The ranking engine of smart defaults: ranks the values seen for a key by the calibrated
 * probability that each is chosen in a context, and learns from every event.
 *
 * <p>The API is {@link dev.plandev.defaults.rank.Ranker} (rank, learn, the {@code mostUsed}
 * fallback, retrain, save/open), configured by {@link dev.plandev.defaults.rank.RankerConfig}, and
 * answering {@link dev.plandev.defaults.rank.RankedValue}s; failures are {@link
 * dev.plandev.defaults.rank.RankingException}. {@link dev.plandev.defaults.rank.ReplayEvaluator}
 * measures it on replay files under the protocol of DESIGN.md, beside the simple rules of {@link
 * dev.plandev.defaults.rank.Baseline}.
 *
 * <p>It depends only on {@code defaults.model}, for the module's base exception. The engine holds
 * no reference to storage: whoever owns the usage events feeds them to {@code learn} and calls
 * {@code save} and {@code retrainIfDue} on its own schedule.
 */
package dev.plandev.defaults.rank;
