package com.bpo.portal.procedure;

/** A draft's new text and change note, with the version's lock version last seen. */
public record DraftChange(String content, String changeNote, Long version) {}
