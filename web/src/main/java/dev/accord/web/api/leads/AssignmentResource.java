package dev.accord.web.api.leads;

import dev.accord.leads.boundary.LeadDirectory;
import dev.accord.routing.control.LeadAssignments;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.PathIds;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import dev.accord.web.api.security.Callers;
import dev.accord.web.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * POST /api/leads/{id}/assignment (operator): {@code {"rep": "ana.costa", "reason": "..."}} gives
 * the lead to that rep by hand, from a fallback queue or from another rep; its history records who
 * did it and why, and its open sales clocks count against the new owner. Answers with the lead.
 * POST /api/leads/{id}/assignment/reroute (operator) decides the owner again by the rotation.
 */
@Path("leads/{id}/assignment")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

  @Inject LeadAssignments assignments;

  @EJB LeadDirectory directory;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response assign(
      @PathParam("id") String id, InputStream body, @Context SecurityContext context) {
    Optional<JsonObject> request = BoundedBodies.read(body, 4 * 1024).flatMap(JsonObjects::of);
    if (request.isEmpty()) {
      return invalid(
          new FieldProblem("body", "send {\"rep\": \"<rep id>\", \"reason\": \"...\"} as JSON"));
    }
    try {
      return PathIds.uuid(id)
          .flatMap(
              leadId ->
                  assignments.assign(
                      leadId,
                      JsonObjects.text(request.get(), "rep"),
                      JsonObjects.text(request.get(), "reason"),
                      Callers.of(context).name()))
          .map(
              lead ->
                  Response.ok(LeadRepresentation.of(directory.recordOf(lead), Callers.of(context)))
                      .build())
          .orElseGet(() -> leadNotFound(id));
    } catch (LeadAssignments.InvalidAssignmentException invalid) {
      return invalid(new FieldProblem(invalid.field(), invalid.getMessage()));
    }
  }

  /**
   * POST /api/leads/{id}/assignment/reroute (operator): {@code {"reason": "..."}} hands the lead to
   * the next rep of its team's rotation other than its owner; the owner keeps it if nobody else is
   * available, and the history says so.
   */
  @POST
  @Path("reroute")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reroute(
      @PathParam("id") String id, InputStream body, @Context SecurityContext context) {
    Optional<JsonObject> request = BoundedBodies.read(body, 4 * 1024).flatMap(JsonObjects::of);
    if (request.isEmpty()) {
      return invalid(new FieldProblem("body", "send {\"reason\": \"...\"} as JSON"));
    }
    try {
      return PathIds.uuid(id)
          .flatMap(
              leadId ->
                  assignments.reroute(
                      leadId,
                      JsonObjects.text(request.get(), "reason"),
                      Callers.of(context).name()))
          .map(
              lead ->
                  Response.ok(LeadRepresentation.of(directory.recordOf(lead), Callers.of(context)))
                      .build())
          .orElseGet(() -> leadNotFound(id));
    } catch (LeadAssignments.InvalidAssignmentException invalid) {
      return invalid(new FieldProblem(invalid.field(), invalid.getMessage()));
    }
  }

  private static Response leadNotFound(String id) {
    return Problem.of(
            Response.Status.NOT_FOUND, "lead-not-found", "No lead has the id '" + id + "'.")
        .toResponse();
  }

  private static Response invalid(FieldProblem problem) {
    return new Problem(
            "https://accord.dev/problems/invalid-assignment",
            "The assignment is not valid",
            400,
            "Fix the field named below; the lead was not changed.",
            List.of(problem))
        .toResponse();
  }
}
