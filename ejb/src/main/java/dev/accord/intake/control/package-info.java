/** Accepting leads: who may send them, and handing them to the intake route. */
package dev.accord.intake.control;
