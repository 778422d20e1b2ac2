package com.bpo.portal.shared;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * One page of a keyset-paginated collection: {@code next} is the opaque cursor of the next page, or
 * null.
 */
@JsonbNillable
public record Page<T>(List<T> items, String next) {}
