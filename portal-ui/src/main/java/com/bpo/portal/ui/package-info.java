/**
 * The Vaadin screens, one package per feature like portal-api, over the same services in process.
 * This package holds what every screen shares: the layout with navigation and tenant switcher,
 * access control, and lazy keyset loading for grids.
 */
package com.bpo.portal.ui;
