package dev.accord.web.api.organisation;

import dev.accord.organisation.control.Teams;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import dev.accord.web.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teams as data (operator key): GET /api/organisation/teams lists them with their reps, GET
 * …/{id} shows one; PUT /api/organisation/teams/{id} with {@code {"name", "timeZone", "manager":
 * {"name", "email"}, "workingHours", "catchUp": {"policy", "limit"}}} creates or describes one
 * whole (left out: no manager, no working hours, full catch-up); DELETE removes one no rep is in
 * and no lead went to; POST …/import creates or describes them from CSV, all or none.
 */
@Path("organisation/teams")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {

  private static final List<String> FIELDS =
      List.of("name", "timeZone", "manager", "workingHours", "catchUp");

  // The caller's name of each column of an import, for problems.
  private static final Map<String, String> LABELS =
      Map.of(
          "time_zone", "timeZone",
          "manager_name", "manager.name",
          "manager_email", "manager.email",
          "working_hours", "workingHours",
          "catch_up", "catchUp.policy",
          "catch_up_limit", "catchUp.limit");

  private static final OrganisationRequests REQUESTS =
      new OrganisationRequests("invalid-team", "The team is not valid");

  @Inject Teams teams;

  @GET
  public Response all() {
    return Response.ok(teams.all()).build();
  }

  @GET
  @Path("{id}")
  public Response one(@PathParam("id") String id) {
    return teams.find(id).map(team -> Response.ok(team).build()).orElseGet(() -> notFound(id));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("id") String id, InputStream body, @Context UriInfo uri) {
    return REQUESTS.changeByJson(
        body,
        "send {\"name\": \"EMEA\", \"timeZone\": \"Europe/Berlin\", \"manager\":"
            + " {\"name\": \"…\", \"email\": \"…\"}, \"workingHours\": \"emea\","
            + " \"catchUp\": {\"policy\": \"CAPPED\", \"limit\": 3}} as JSON",
        json -> put(id, json, uri));
  }

  private Response put(String id, JsonObject json, UriInfo uri) {
    List<FieldProblem> errors = new ArrayList<>();
    OrganisationRequests.refuseUnknownFields(
        json, FIELDS, "", "is not a setting of a team", errors);
    Map<String, String> values =
        OrganisationRequests.texts(
            json,
            inOrder("name", "name", "timeZone", "time_zone", "workingHours", "working_hours"),
            "",
            errors);
    values.putAll(
        part(
            json,
            "manager",
            inOrder("name", "manager_name", "email", "manager_email"),
            "{\"name\": \"…\", \"email\": \"…\"}, or null for no manager",
            errors));
    values.putAll(
        part(
            json,
            "catchUp",
            inOrder("policy", "catch_up", "limit", "catch_up_limit"),
            "{\"policy\": \"FULL\", \"CAPPED\" or \"NONE\", \"limit\": 0 to 1000 with CAPPED}",
            errors));
    if (!errors.isEmpty()) {
      return REQUESTS.invalid(errors);
    }
    Teams.Kept kept = teams.put(id, values, column -> LABELS.getOrDefault(column, column));
    return OrganisationRequests.kept(kept.created(), kept.team(), uri);
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") String id) {
    try {
      return teams.remove(id) ? Response.noContent().build() : notFound(id);
    } catch (Teams.TeamInUseException inUse) {
      return Problem.of(Response.Status.CONFLICT, "team-in-use", inUse.getMessage()).toResponse();
    }
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Response importCsv(InputStream body) {
    return REQUESTS.importCsv(body, "imported", teams::importCsv);
  }

  // Field -> column, in the order problems with them are listed (a Map.of changes order per run).
  private static Map<String, String> inOrder(String... fieldsAndColumns) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndColumns.length; i += 2) {
      columns.put(fieldsAndColumns[i], fieldsAndColumns[i + 1]);
    }
    return columns;
  }

  // An object field (manager, catchUp) as the columns of its parts; null or left out: none.
  private static Map<String, String> part(
      JsonObject json,
      String field,
      Map<String, String> columns,
      String shape,
      List<FieldProblem> errors) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return Map.of();
    }
    if (!(value instanceof JsonObject object)) {
      errors.add(new FieldProblem(field, "must be " + shape));
      return Map.of();
    }
    OrganisationRequests.refuseUnknownFields(
        object,
        columns.keySet().stream().sorted().toList(),
        field + ".",
        "is not a part of " + field,
        errors);
    return OrganisationRequests.texts(object, columns, field + ".", errors);
  }

  private static Response notFound(String id) {
    return Problem.of(
            Response.Status.NOT_FOUND, "team-not-found", "No team has the id '" + id + "'.")
        .toResponse();
  }
}
