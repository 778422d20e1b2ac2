/**
 * What every feature shares and nothing more: the JAX-RS application, RFC 9457 problem responses,
 * and keyset paging. A feature's own types never live here.
 */
package com.bpo.portal.shared;
