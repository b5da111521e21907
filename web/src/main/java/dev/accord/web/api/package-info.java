/** The HTTP API under /api: JSON in and out, errors as RFC 9457 problem details. */
package dev.accord.web.api;
