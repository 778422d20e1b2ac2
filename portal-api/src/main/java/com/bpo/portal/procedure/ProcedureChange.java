package com.bpo.portal.procedure;

import com.bpo.portal.shared.ProcessArea;

/** A change of a procedure's facts (not its text), with the lock version last seen. */
public record ProcedureChange(
    String title,
    ProcessArea processArea,
    String owner,
    Integer reviewIntervalMonths,
    Boolean clientApprovalRequired,
    Long version) {}
