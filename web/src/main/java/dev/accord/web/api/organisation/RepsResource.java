package dev.accord.web.api.organisation;

import dev.accord.organisation.control.Reps;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.PathIds;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import dev.accord.web.api.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reps as data (operator key): GET /api/organisation/reps lists each rep with what they hold
 * and whether they take the next lead (and if not, why); PUT /api/organisation/reps/{id} with any
 * of {@code active}, {@code available}, {@code maxOpenLeads} (null: no cap), {@code weight} (share
 * of the team's leads; 1 is normal) changes how they take leads; POST …/{id}/absences {@code
 * {"from", "to", "note"}} and DELETE …/{id}/absences/{absence} manage out-of-office periods. Every
 * change holds for the next lead routed.
 */
@Path("organisation/reps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RepsResource {

  private static final Set<String> CHANGEABLE =
      Set.of("active", "available", "maxOpenLeads", "weight");

  @Inject Reps reps;

  @GET
  public Response all(@Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    return Response.ok(reps.all()).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response change(
      @PathParam("id") String id, InputStream body, @Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    Optional<JsonObject> request = BoundedBodies.read(body, 4 * 1024).flatMap(JsonObjects::of);
    if (request.isEmpty()) {
      return invalid(
          List.of(
              new FieldProblem(
                  "body",
                  "send a JSON object with any of active, available (true or false) and"
                      + " maxOpenLeads (a number, or null for no cap) and weight (a number)")));
    }
    JsonObject json = request.get();
    List<FieldProblem> errors = new ArrayList<>();
    json.keySet().stream()
        .filter(name -> !CHANGEABLE.contains(name))
        .forEach(
            name ->
                errors.add(
                    new FieldProblem(
                        name,
                        "is not a setting of a rep; use active, available, maxOpenLeads, weight")));
    Boolean active = flag(json, "active", errors);
    Boolean available = flag(json, "available", errors);
    Integer cap = null;
    boolean clearCap = false;
    if (json.containsKey("maxOpenLeads")) {
      JsonValue value = json.get("maxOpenLeads");
      if (value == JsonValue.NULL) {
        clearCap = true;
      } else if (value instanceof JsonNumber number && number.isIntegral()) {
        cap = intOrMax(number);
      } else {
        errors.add(new FieldProblem("maxOpenLeads", "must be a whole number, or null for no cap"));
      }
    }
    Integer weight = null;
    if (json.containsKey("weight")) {
      if (json.get("weight") instanceof JsonNumber number && number.isIntegral()) {
        weight = intOrMax(number);
      } else {
        errors.add(new FieldProblem("weight", "must be a whole number (1 is a normal share)"));
      }
    }
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    try {
      return reps.change(id, new Reps.Change(active, available, cap, clearCap, weight))
          .map(state -> Response.ok(state).build())
          .orElseGet(() -> repNotFound(id));
    } catch (Reps.InvalidChangeException invalid) {
      return invalid(List.of(new FieldProblem(invalid.field(), invalid.getMessage())));
    }
  }

  @POST
  @Path("{id}/absences")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addAbsence(
      @PathParam("id") String id, InputStream body, @Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    Optional<JsonObject> request = BoundedBodies.read(body, 4 * 1024).flatMap(JsonObjects::of);
    List<FieldProblem> errors = new ArrayList<>();
    Instant from = request.map(json -> instant(json, "from", errors)).orElse(null);
    Instant to = request.map(json -> instant(json, "to", errors)).orElse(null);
    String note =
        request
            .map(json -> json.get("note") instanceof JsonString s ? s.getString() : null)
            .orElse(null);
    if (request.isEmpty()) {
      errors.add(
          new FieldProblem(
              "body",
              "send {\"from\": \"2026-12-01T08:00:00Z\", \"to\": \"...\", \"note\": \"...\"}"));
    }
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    try {
      return reps.addAbsence(id, from, to, note)
          .map(state -> Response.status(Response.Status.CREATED).entity(state).build())
          .orElseGet(() -> repNotFound(id));
    } catch (Reps.InvalidChangeException invalid) {
      return invalid(List.of(new FieldProblem(invalid.field(), invalid.getMessage())));
    }
  }

  @DELETE
  @Path("{id}/absences/{absence}")
  public Response removeAbsence(
      @PathParam("id") String id,
      @PathParam("absence") String absence,
      @Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    boolean removed =
        PathIds.uuid(absence).map(absenceId -> reps.removeAbsence(id, absenceId)).orElse(false);
    return removed
        ? Response.noContent().build()
        : Problem.of(
                Response.Status.NOT_FOUND,
                "absence-not-found",
                "Rep '" + id + "' has no absence with the id '" + absence + "'.")
            .toResponse();
  }

  // A number too large for an int is out of range, never wrapped around.
  private static Integer intOrMax(JsonNumber number) {
    try {
      return number.intValueExact();
    } catch (ArithmeticException tooLarge) {
      return Integer.MAX_VALUE;
    }
  }

  private static Boolean flag(JsonObject json, String name, List<FieldProblem> errors) {
    if (!json.containsKey(name)) {
      return null;
    }
    JsonValue value = json.get(name);
    if (value == JsonValue.TRUE) {
      return true;
    }
    if (value == JsonValue.FALSE) {
      return false;
    }
    errors.add(new FieldProblem(name, "must be true or false"));
    return null;
  }

  private static Instant instant(JsonObject json, String name, List<FieldProblem> errors) {
    if (!(json.get(name) instanceof JsonString text)) {
      errors.add(
          new FieldProblem(name, "is required: an ISO-8601 instant such as 2026-12-01T08:00:00Z"));
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text.getString()).toInstant();
    } catch (DateTimeParseException notAnInstant) {
      errors.add(new FieldProblem(name, "is not an ISO-8601 instant such as 2026-12-01T08:00:00Z"));
      return null;
    }
  }

  private static Response repNotFound(String id) {
    return Problem.of(Response.Status.NOT_FOUND, "rep-not-found", "No rep has the id '" + id + "'.")
        .toResponse();
  }

  private static Response invalid(List<FieldProblem> errors) {
    return new Problem(
            "https://accord.dev/problems/invalid-rep-change",
            "The change is not valid",
            400,
            "Fix the fields named below; the rep was not changed.",
            errors)
        .toResponse();
  }
}
