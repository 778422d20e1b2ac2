/**
 * SLA scorecards: the tenant's KPI definitions (versioned, {@link
 * com.bpo.portal.scorecard.KpiDefinitions}), KPIs computed from receivables and disputes in SQL
 * ({@link com.bpo.portal.scorecard.KpiCalculator} over {@link
 * com.bpo.portal.scorecard.KpiQueries}), manual KPIs, the monthly snapshot with RAG and a weighted
 * score ({@link com.bpo.portal.scorecard.Rag}), the publish, comment, dispute and sign-off workflow
 * ({@link com.bpo.portal.scorecard.ScorecardWorkflow}), and the service credits of red KPIs. The
 * scorecard's SQL is in {@code ScorecardQueries}.
 */
package com.bpo.portal.scorecard;
