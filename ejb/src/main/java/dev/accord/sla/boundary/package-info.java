/** What drives the SLA from outside a request: the loop that fires clocks as they fall due. */
package dev.accord.sla.boundary;
