package dev.accord.routing.control;

import dev.accord.leads.entity.Lead;
import dev.accord.routes.intake.IncomingLead;

/** Translates an accepted lead into the vocabulary the rules speak and the record we keep. */
final class LeadFacts {

  private LeadFacts() {}

  static dev.accord.rules.lead.Lead from(IncomingLead in) {
    return new dev.accord.rules.lead.Lead(
        in.email(),
        in.firstName(),
        in.lastName(),
        in.company(),
        in.title(),
        in.employees(),
        in.country(),
        in.phone(),
        in.source(),
        in.action());
  }

  static Lead.Contact contactOf(IncomingLead in) {
    return new Lead.Contact(
        in.email(),
        in.firstName(),
        in.lastName(),
        in.company(),
        in.title(),
        in.employees(),
        in.country(),
        in.phone(),
        in.source(),
        in.action());
  }
}
