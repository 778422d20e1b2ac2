/**
 * Collections: the collector's worklist, every contact recorded ({@code collection_activity}),
 * promises to pay decided from the payments applied, and dunning runs that propose notices per
 * customer and level, leave out what is disputed, promised or on hold (saying why), and send a
 * released run's letters through the mail outbox. The rules are pure ({@link StrategyEngine},
 * {@link DunningProposal}, {@link WorklistPriority}, {@link PromiseOutcome}); the SQL lives in one
 * query class per aggregate ({@code WorklistQueries}, {@code ActivityQueries}, {@code
 * PromiseQueries}, {@code DunningQueries}, {@code StrategyQueries}).
 */
package com.bpo.portal.collection;
