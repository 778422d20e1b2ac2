package com.bpo.portal.shared;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a keyset-paginated collection: {@code next} is the opaque cursor of the next page, or
 * null.
 */
@JsonbNillable
@Schema(requiredProperties = {"items", "next"})
public record Page<T>(
    @Schema(maxItems = PageRequest.MAX_LIMIT) List<T> items,
    @Schema(
            nullable = true,
            maxLength = 512,
            description = "The opaque cursor of the next page; null on the last")
        String next) {}
