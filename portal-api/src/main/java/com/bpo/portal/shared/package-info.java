/**
 * What every feature shares and nothing more: the JAX-RS application, RFC 9457 problem responses,
 * keyset paging, and the readers and writers of untrusted text (bounded numbers, request bodies,
 * CSV out). A feature's own types never live here.
 */
package com.bpo.portal.shared;
