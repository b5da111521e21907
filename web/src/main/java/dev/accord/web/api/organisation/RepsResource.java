package dev.accord.web.api.organisation;

import dev.accord.organisation.control.Reps;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.PathIds;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import dev.accord.web.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reps as data (operator key): GET /api/organisation/reps lists each rep with what they hold
 * and whether they take the next lead (and if not, why), GET …/{id} shows one; PUT
 * /api/organisation/reps/{id} creates a rep (given {@code name}, {@code email}, {@code team} and
 * {@code timeZone}) or changes any of those and {@code workingHours} (a calendar of the rulebook;
 * null: the team's), {@code active}, {@code available}, {@code maxOpenLeads} (null: no cap), {@code
 * maxOpenLeadsByGrade} ({@code {"A": 2, "B": null}}), {@code weight} (share of the team's leads; 1
 * is normal); POST …/import creates or changes reps from CSV, all or none; POST …/{id}/absences
 * {@code {"from", "to", "note"}} and DELETE …/{id}/absences/{absence} manage out-of-office periods;
 * DELETE …/{id} removes a rep no lead or account refers to (else: make them inactive). Every change
 * holds for the next lead routed.
 */
@Path("organisation/reps")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RepsResource {

  // JSON field -> the column of an import, which the control reads.
  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("name", "name");
    COLUMNS.put("email", "email");
    COLUMNS.put("team", "team");
    COLUMNS.put("timeZone", "time_zone");
    COLUMNS.put("workingHours", "working_hours");
    COLUMNS.put("active", "active");
    COLUMNS.put("available", "available");
    COLUMNS.put("maxOpenLeads", "max_open_leads");
    COLUMNS.put("weight", "weight");
    COLUMNS.put("maxOpenLeadsByGrade", "max_open_leads_by_grade");
  }

  private static final Map<String, String> FIELDS =
      COLUMNS.entrySet().stream()
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

  private static final OrganisationRequests REQUESTS =
      new OrganisationRequests("invalid-rep-change", "The change is not valid");

  @Inject Reps reps;

  @GET
  public Response all() {
    return Response.ok(reps.all()).build();
  }

  @GET
  @Path("{id}")
  public Response one(@PathParam("id") String id) {
    return reps.find(id).map(rep -> Response.ok(rep).build()).orElseGet(() -> repNotFound(id));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("id") String id, InputStream body, @Context UriInfo uri) {
    return REQUESTS.changeByJson(
        body,
        "send a JSON object with any of "
            + String.join(", ", COLUMNS.keySet())
            + "; a new rep needs name, email, team and timeZone",
        json -> put(id, json, uri));
  }

  private Response put(String id, JsonObject json, UriInfo uri) {
    List<FieldProblem> errors = new ArrayList<>();
    OrganisationRequests.refuseUnknownFields(
        json, COLUMNS.keySet(), "", "is not a setting of a rep", errors);
    Map<String, String> values = new LinkedHashMap<>(COLUMNS);
    values.remove("maxOpenLeadsByGrade");
    Map<String, String> texts = OrganisationRequests.texts(json, values, "", errors);
    Map<String, String> caps = null;
    if (json.containsKey("maxOpenLeadsByGrade")) {
      if (json.get("maxOpenLeadsByGrade") instanceof JsonObject byGrade) {
        Map<String, String> grades = new LinkedHashMap<>();
        byGrade.keySet().forEach(grade -> grades.put(grade, grade));
        caps = OrganisationRequests.texts(byGrade, grades, "maxOpenLeadsByGrade.", errors);
      } else {
        errors.add(
            new FieldProblem(
                "maxOpenLeadsByGrade",
                "must be an object of caps by grade, such as {\"A\": 2, \"B\": null}"));
      }
    }
    if (!errors.isEmpty()) {
      return REQUESTS.invalid(errors);
    }
    return reps.put(id, texts, caps, column -> FIELDS.getOrDefault(column, column))
        .map(kept -> OrganisationRequests.kept(kept.created(), kept.rep(), uri))
        .orElseGet(() -> repNotFound(id));
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") String id) {
    try {
      return reps.remove(id) ? Response.noContent().build() : repNotFound(id);
    } catch (Reps.RepInUseException inUse) {
      return Problem.of(Response.Status.CONFLICT, "rep-in-use", inUse.getMessage()).toResponse();
    }
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Response importCsv(InputStream body) {
    return REQUESTS.importCsv(body, "imported", reps::importCsv);
  }

  @POST
  @Path("absences/import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Response importAbsences(InputStream body) {
    return REQUESTS.importCsv(body, "added", reps::importAbsences);
  }

  @POST
  @Path("{id}/absences")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addAbsence(@PathParam("id") String id, InputStream body) {
    return REQUESTS.changeByJson(
        body,
        "send {\"from\": \"2026-12-01T08:00:00Z\", \"to\": \"...\", \"note\": \"...\"}",
        json -> addAbsence(id, json));
  }

  private Response addAbsence(String id, JsonObject json) {
    List<FieldProblem> errors = new ArrayList<>();
    Instant from = instant(json, "from", errors);
    Instant to = instant(json, "to", errors);
    String note = JsonObjects.text(json, "note");
    if (!errors.isEmpty()) {
      return REQUESTS.invalid(errors);
    }
    return reps.addAbsence(id, from, to, note)
        .map(state -> Response.status(Response.Status.CREATED).entity(state).build())
        .orElseGet(() -> repNotFound(id));
  }

  @DELETE
  @Path("{id}/absences/{absence}")
  public Response removeAbsence(@PathParam("id") String id, @PathParam("absence") String absence) {
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
}
