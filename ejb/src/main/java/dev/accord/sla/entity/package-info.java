/**
 * The clocks of the joint SLA as stored: each clock's term, its business-time schedule, its stages
 * fired, paused segments, breach attribution and dispute, and its history.
 */
package dev.accord.sla.entity;
