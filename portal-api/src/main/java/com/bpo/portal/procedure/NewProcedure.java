package com.bpo.portal.procedure;

import com.bpo.portal.shared.ProcessArea;

/** What a lead gives to start a procedure: it begins as version 1, a draft with this content. */
public record NewProcedure(
    String title,
    ProcessArea processArea,
    String owner,
    Integer reviewIntervalMonths,
    Boolean clientApprovalRequired,
    String content) {}
