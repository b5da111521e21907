/**
 * Running the joint SLA: starting a lead's clocks from its terms, firing the stages that fall due,
 * applying activities, attributing breaches, disputes and the scorecard.
 */
package dev.accord.sla.control;
