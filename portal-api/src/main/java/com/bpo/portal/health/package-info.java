/** MicroProfile Health checks served at /health. */
package com.bpo.portal.health;
