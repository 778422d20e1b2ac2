package com.bpo.portal.shared;

import java.util.List;

/** One page of a keyset-paginated collection: {@code next} is the opaque cursor of the next page, or null. */
public record Page<T>(List<T> items, String next) {}
