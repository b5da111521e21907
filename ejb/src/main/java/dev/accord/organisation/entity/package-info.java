/** The sales organisation leads are routed to: teams, their reps and the two department heads. */
package dev.accord.organisation.entity;
