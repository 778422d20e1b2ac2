/**
 * SLA scorecards: the tenant's KPI definitions (versioned), KPIs computed from receivables and
 * disputes in SQL ({@link com.bpo.portal.scorecard.KpiCalculator}), manual KPIs, the monthly
 * snapshot with RAG and a weighted score ({@link com.bpo.portal.scorecard.Rag}), the publish,
 * comment, dispute and sign-off workflow, and the service credits of red KPIs.
 */
package com.bpo.portal.scorecard;
