/** The SLA resources: the scorecard, breach disputes, undelivered escalations. */
package dev.accord.web.api.sla;
