package dev.accord.web.api.leads;

import dev.accord.intake.control.LeadIntake;
import dev.accord.leads.boundary.LeadDirectory;
import dev.accord.sla.control.ActivityRequest;
import dev.accord.sla.control.LeadActivities;
import dev.accord.web.api.PathIds;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.sla.JsonBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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

  @Context UriInfo uri;

  /** The answer to an accepted lead: its id, to ask about it later. */
  @JsonbPropertyOrder({"id", "status"})
  public record Accepted(String id, String status) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(byte[] body, @Context SecurityContext caller) {
    if (body.length > MAX_LEAD_BYTES) {
      return Problem.invalidLead(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "Nothing was stored.",
              List.of(
                  new Problem.FieldProblem(
                      "body", "is larger than " + MAX_LEAD_BYTES / 1024 + " KiB")))
          .toResponse();
    }
    UUID id = intake.submit(body, caller.getUserPrincipal().getName());
    return Response.accepted(new Accepted(id.toString(), "ACCEPTED"))
        .location(uri.getAbsolutePathBuilder().path(id.toString()).build())
        .build();
  }

  @GET
  @Path("{id}")
  public Response find(@PathParam("id") String id) {
    return PathIds.uuid(id)
        .flatMap(directory::record)
        .map(lead -> Response.ok(LeadRepresentation.of(lead)).build())
        .orElseGet(() -> leadNotFound(id));
  }

  /**
   * Records a rep's touch, accept, reject (with a reason code), disqualify, convert, pause or
   * resume, or marketing's complete-data; it drives the lead's clocks. Answers with the lead.
   */
  @POST
  @Path("{id}/activities")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response recordActivity(@PathParam("id") String id, byte[] body) {
    ActivityRequest request = JsonBodies.activity(body);
    return PathIds.uuid(id)
        .flatMap(leadId -> activities.record(leadId, request))
        .map(
            lead ->
                Response.status(Response.Status.CREATED)
                    .location(uri.getBaseUriBuilder().path("leads").path(id).build())
                    .entity(LeadRepresentation.of(directory.recordOf(lead)))
                    .build())
        .orElseGet(() -> leadNotFound(id));
  }

  private static Response leadNotFound(String id) {
    return Problem.of(
            Response.Status.NOT_FOUND,
            "lead-not-found",
            "No lead has the id '"
                + id
                + "'. A lead accepted a moment ago appears once it is routed.")
        .toResponse();
  }
}
