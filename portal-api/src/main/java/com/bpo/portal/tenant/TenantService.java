package com.bpo.portal.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import jakarta.transaction.Transactional;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A feature service over tenant-owned data: application scoped, every public method a transaction,
 * and every transaction bound to the caller's tenant. Annotating a service with this one word is
 * all a feature does for isolation.
 */
@Stereotype
@ApplicationScoped
@Transactional
@TenantBound
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TenantService {}
