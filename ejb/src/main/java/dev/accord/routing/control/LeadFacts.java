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
        in.action(),
        in.industry(),
        in.attributes(),
        1);
  }

  /**
   * The facts of a lead the same person came back to: the contact as the lead now holds it, what
   * they did this time (source, action) and how often they came.
   */
  static dev.accord.rules.lead.Lead returning(Lead lead, IncomingLead again) {
    Lead.Contact contact = lead.getContact();
    return stored(
        lead,
        again.source() != null ? again.source() : contact.leadSource(),
        again.action() != null ? again.action() : contact.requestedAction());
  }

  /** The facts of a stored lead as it stands: its contact, what it last did, how often it came. */
  static dev.accord.rules.lead.Lead stored(Lead lead) {
    return stored(lead, lead.getContact().leadSource(), lead.getContact().requestedAction());
  }

  private static dev.accord.rules.lead.Lead stored(Lead lead, String source, String action) {
    Lead.Contact contact = lead.getContact();
    return new dev.accord.rules.lead.Lead(
        contact.email(),
        contact.firstName(),
        contact.lastName(),
        contact.company(),
        contact.title(),
        contact.employees(),
        contact.country(),
        contact.phone(),
        source,
        action,
        contact.industry(),
        lead.getAttributes(),
        lead.getEngagements());
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
        in.action(),
        in.industry());
  }

  static Lead.Arrival arrivalOf(IncomingLead in) {
    return new Lead.Arrival(in.channel(), in.channelReference(), in.message(), in.attributes());
  }
}
