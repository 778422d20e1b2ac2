package com.bpo.portal.tenantadmin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to open a tenant. */
public record NewTenant(
    @NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$",
        message = "must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter")
    String slug,
    @NotBlank @Size(max = 200) String name,
    @NotNull @Pattern(regexp = "^[a-z]{2}(-[A-Z]{2})?$", message = "must be a language tag such as en or fr-FR")
    String locale,
    @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR")
    String currency,
    @NotBlank String timeZone) {}
