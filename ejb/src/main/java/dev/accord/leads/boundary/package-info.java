/** Read access to leads for the HTTP API. */
package dev.accord.leads.boundary;
