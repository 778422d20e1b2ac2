package com.bpo.portal.procedure;

import com.bpo.portal.shared.ProcessArea;

/**
 * A search result: the procedure, a snippet as safe HTML (escaped text, matches in {@code <mark>}),
 * and its rank.
 */
public record SearchHit(
    long id, String title, ProcessArea processArea, String snippetHtml, double rank) {}
