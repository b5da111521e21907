/** RFC 9457 problem details: how every error of the API is answered. */
package dev.accord.web.api.problems;
