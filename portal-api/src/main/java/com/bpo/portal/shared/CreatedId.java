package com.bpo.portal.shared;

/** What a 201 answers when the new row is named by its id alone: {@code {"id": 42}}. */
public record CreatedId(long id) {}
