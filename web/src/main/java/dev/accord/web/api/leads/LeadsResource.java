package dev.accord.web.api.leads;

import dev.accord.intake.control.Arrival;
import dev.accord.intake.control.HeldInputs;
import dev.accord.intake.control.IntakeSources.Caller;
import dev.accord.intake.control.LeadIntake;
import dev.accord.intake.control.RequestSignatures;
import dev.accord.intake.entity.HeldInput;
import dev.accord.leads.boundary.LeadDirectory;
import dev.accord.sla.control.ActivityRequest;
import dev.accord.sla.control.LeadActivities;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.PathIds;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.security.Callers;
import dev.accord.web.api.security.Roles;
import dev.accord.web.api.sla.JsonBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * POST /api/leads accepts a lead; GET /api/leads/{id} tells what became of it and why, and POST
 * /api/leads/{id}/activities records what reps did about it.
 */
@Path("leads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LeadsResource {

  // A lead is a few hundred bytes; anything this large is a mistake or an attack.
  static final int MAX_LEAD_BYTES = 64 * 1024;

  @Inject LeadIntake intake;

  @EJB LeadDirectory directory;

  @Inject LeadActivities activities;

  @Inject RequestSignatures signatures;

  @EJB HeldInputs held;

  @Context UriInfo uri;

  /** The answer to an accepted lead: its id, to ask about it later. */
  @JsonbPropertyOrder({"id", "status"})
  public record Accepted(String id, String status) {}

  /**
   * Accepts a lead. Without an externalId, the {@code Idempotency-Key} header (or else the lead's
   * normalised content) identifies it, so a retry after a timeout or a 503 is the same lead. A
   * source configured to sign its requests must send a valid, fresh, unused signature.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INTAKE_SOURCE)
  public Response submit(
      @Context HttpHeaders headers, InputStream body, @Context SecurityContext context) {
    Caller caller = Callers.of(context);
    Optional<byte[]> bounded = BoundedBodies.read(body, MAX_LEAD_BYTES);
    if (bounded.isEmpty()) {
      return Problem.invalidLead(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "Nothing was stored.",
              List.of(
                  new Problem.FieldProblem(
                      "body", "is larger than " + MAX_LEAD_BYTES / 1024 + " KiB")))
          .toResponse();
    }
    byte[] lead = bounded.get();
    String idempotencyKey = headers.getHeaderString("Idempotency-Key");
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      return Problem.invalidLead(
              Response.Status.BAD_REQUEST,
              "Nothing was stored.",
              List.of(
                  new Problem.FieldProblem(
                      "Idempotency-Key", "must be 1 to 200 characters when sent")))
          .toResponse();
    }
    Optional<String> signature =
        signatures.verify(
            caller.name(),
            headers.getHeaderString("X-Accord-Timestamp"),
            headers.getHeaderString("X-Accord-Signature"),
            lead);
    String channel = signature.isPresent() ? "webhook" : "api";
    UUID id;
    try {
      id = intake.submit(lead, caller.name(), new Arrival(channel, null, idempotencyKey));
    } catch (RuntimeException notTaken) {
      // Not taken (invalid, or Accord's failure): the sender may fix or retry with this signature.
      signature.ifPresent(signatures::forget);
      throw notTaken;
    }
    return Response.accepted(new Accepted(id.toString(), "ACCEPTED"))
        .location(uri.getAbsolutePathBuilder().path(id.toString()).build())
        .build();
  }

  /**
   * Finds leads by e-mail, source and time of receipt, newest first, among those the caller's key
   * may read: an integration learns what became of a lead it sent by mail or file.
   */
  @GET
  public Response search(
      @QueryParam("email") String email,
      @QueryParam("source") String source,
      @QueryParam("since") String since,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size,
      @Context SecurityContext context) {
    Caller caller = Callers.of(context);
    List<Problem.FieldProblem> errors = new java.util.ArrayList<>();
    Optional<Instant> from = Optional.empty();
    if (since != null) {
      try {
        from = Optional.of(Instant.parse(since));
      } catch (java.time.format.DateTimeParseException e) {
        errors.add(new Problem.FieldProblem("since", "must be an ISO-8601 instant"));
      }
    }
    Problem.checkPaging(page, size, errors);
    if (!errors.isEmpty()) {
      return Problem.invalidQuery("The search is not valid", errors).toResponse();
    }
    if (source != null && !caller.reads(source)) {
      return Response.ok(new Page(page, size, List.of())).build();
    }
    Optional<String> readable =
        caller.operator() ? Optional.ofNullable(source) : Optional.of(caller.name());
    List<LeadSummary> leads =
        directory
            .search(
                new LeadDirectory.Search(
                    Optional.ofNullable(email).map(e -> e.strip().toLowerCase(Locale.ROOT)),
                    readable,
                    from,
                    page * size,
                    size))
            .stream()
            .map(LeadSummary::of)
            .toList();
    return Response.ok(new Page(page, size, leads)).build();
  }

  /** One page of a search. */
  @JsonbPropertyOrder({"page", "size", "leads"})
  public record Page(int page, int size, List<LeadSummary> leads) {}

  /**
   * The lead's receipt. A source's key reads only that source's leads; an id merged into the same
   * person's lead answers with that lead; a lead that failed every delivery attempt says so.
   */
  @GET
  @Path("{id}")
  public Response find(@PathParam("id") String id, @Context SecurityContext context) {
    Caller caller = Callers.of(context);
    Optional<UUID> leadId = PathIds.uuid(id);
    Optional<LeadDirectory.LeadRecord> found =
        leadId
            .flatMap(directory::find)
            .filter(lead -> caller.reads(lead.getIntakeSource()))
            .map(directory::recordOf);
    if (found.isPresent()) {
      return Response.ok(LeadRepresentation.of(found.get(), caller)).build();
    }
    // Merged into a lead another source sent first: its sender learns that, not that lead's data.
    Optional<Merged> merged =
        leadId
            .flatMap(directory::alias)
            .filter(alias -> caller.reads(alias.getIntakeSource()))
            .map(
                alias ->
                    new Merged(
                        id,
                        "MERGED",
                        alias.getReceivedAt(),
                        "The same person was already a lead from another source; this submission"
                            + " was merged into that lead as new engagement."));
    if (merged.isPresent()) {
      return Response.ok(merged.get()).build();
    }
    Optional<HeldInput> deadLetter =
        leadId.flatMap(held::deadLetterOf).filter(letter -> caller.reads(letter.getIntakeSource()));
    if (deadLetter.isPresent()) {
      HeldInput letter = deadLetter.get();
      return Response.ok(
              new Undelivered(
                  id,
                  letter.getState() == HeldInput.State.HELD ? "DEAD_LETTER" : "REPLAYED",
                  letter.getReason(),
                  letter.getHeldAt(),
                  letter.getId().toString()))
          .build();
    }
    return leadNotFound(id);
  }

  /** A submission merged into a lead another source sent first. */
  @JsonbPropertyOrder({"id", "status", "receivedAt", "detail"})
  public record Merged(String id, String status, Instant receivedAt, String detail) {}

  /** A lead that was accepted but failed every delivery attempt, and where it is held. */
  @JsonbPropertyOrder({"id", "status", "reason", "since", "heldInput"})
  public record Undelivered(
      String id, String status, String reason, Instant since, String heldInput) {}

  /**
   * Records a rep's touch, accept, reject (with a reason code), disqualify, convert, pause or
   * resume, or marketing's complete-data; it drives the lead's clocks. Answers with the lead. An
   * operator names the rep; a source's key records as that source (or as the lead's rep, if it is
   * the reps' CRM).
   */
  @POST
  @Path("{id}/activities")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response recordActivity(
      @PathParam("id") String id, InputStream body, @Context SecurityContext context) {
    Caller caller = Callers.of(context);
    Optional<byte[]> bounded = BoundedBodies.read(body, MAX_LEAD_BYTES);
    if (bounded.isEmpty()) {
      return Problem.of(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "activity-too-large",
              "An activity is larger than " + MAX_LEAD_BYTES / 1024 + " KiB; nothing was stored.")
          .toResponse();
    }
    ActivityRequest request = JsonBodies.activity(bounded.get());
    return PathIds.uuid(id)
        .filter(
            leadId ->
                directory.find(leadId).filter(l -> caller.reads(l.getIntakeSource())).isPresent())
        .flatMap(
            leadId ->
                activities.record(
                    leadId,
                    request,
                    caller.operator() ? Optional.empty() : Optional.of(caller.name())))
        .map(
            lead ->
                Response.status(Response.Status.CREATED)
                    .location(uri.getBaseUriBuilder().path("leads").path(id).build())
                    .entity(LeadRepresentation.of(directory.recordOf(lead), caller))
                    .build())
        .orElseGet(() -> leadNotFound(id));
  }

  private static Response leadNotFound(String id) {
    return Problem.of(
            Response.Status.NOT_FOUND,
            "lead-not-found",
            "No lead your key may read has the id '"
                + id
                + "'. A lead accepted a moment ago is routed within seconds; if it still is not"
                + " here, ask an operator about held inputs.")
        .toResponse();
  }
}
