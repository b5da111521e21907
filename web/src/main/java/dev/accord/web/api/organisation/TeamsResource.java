package dev.accord.web.api.organisation;

import dev.accord.organisation.control.InvalidOrganisationException;
import dev.accord.organisation.control.Teams;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import dev.accord.web.api.security.Callers;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teams as data (operator key): GET /api/organisation/teams lists them with their reps, GET
 * …/{id} shows one; PUT /api/organisation/teams/{id} with {@code {"name", "timeZone", "manager":
 * {"name", "email"}, "workingHours", "catchUp": {"policy", "limit"}}} creates or describes one
 * whole (left out: no manager, no working hours, full catch-up); DELETE removes one no rep is in
 * and no lead went to; POST …/import creates or describes them from CSV, all or none.
 */
@Path("organisation/teams")
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

  @Inject Teams teams;

  @GET
  public Response all(@Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    return Response.ok(teams.all()).build();
  }

  @GET
  @Path("{id}")
  public Response one(@PathParam("id") String id, @Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    return teams.find(id).map(team -> Response.ok(team).build()).orElseGet(() -> notFound(id));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("id") String id,
      InputStream body,
      @Context SecurityContext context,
      @Context UriInfo uri) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    Optional<JsonObject> request = BoundedBodies.read(body, 4 * 1024).flatMap(JsonObjects::of);
    if (request.isEmpty()) {
      return invalid(
          List.of(
              new FieldProblem(
                  "body",
                  "send {\"name\": \"EMEA\", \"timeZone\": \"Europe/Berlin\", \"manager\":"
                      + " {\"name\": \"…\", \"email\": \"…\"}, \"workingHours\": \"emea\","
                      + " \"catchUp\": {\"policy\": \"CAPPED\", \"limit\": 3}} as JSON")));
    }
    JsonObject json = request.get();
    List<FieldProblem> errors = new ArrayList<>();
    json.keySet().stream()
        .filter(name -> !FIELDS.contains(name))
        .forEach(
            name ->
                errors.add(
                    new FieldProblem(
                        name, "is not a setting of a team; use " + String.join(", ", FIELDS))));
    Map<String, String> values =
        OrganisationRequests.texts(
            json,
            Map.of("name", "name", "timeZone", "time_zone", "workingHours", "working_hours"),
            "",
            errors);
    values.putAll(
        part(
            json,
            "manager",
            Map.of("name", "manager_name", "email", "manager_email"),
            "{\"name\": \"…\", \"email\": \"…\"}, or null for no manager",
            errors));
    values.putAll(
        part(
            json,
            "catchUp",
            Map.of("policy", "catch_up", "limit", "catch_up_limit"),
            "{\"policy\": \"FULL\", \"CAPPED\" or \"NONE\", \"limit\": 0 to 1000 with CAPPED}",
            errors));
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    try {
      Teams.Kept kept = teams.put(id, values, column -> LABELS.getOrDefault(column, column));
      return kept.created()
          ? Response.created(uri.getAbsolutePath()).entity(kept.team()).build()
          : Response.ok(kept.team()).build();
    } catch (InvalidOrganisationException invalid) {
      return invalid(OrganisationRequests.fieldsOf(invalid));
    }
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") String id, @Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    try {
      return teams.remove(id) ? Response.noContent().build() : notFound(id);
    } catch (Teams.TeamInUseException inUse) {
      return Problem.of(Response.Status.CONFLICT, "team-in-use", inUse.getMessage()).toResponse();
    }
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Response importCsv(InputStream body, @Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    OrganisationRequests.CsvBody csv = OrganisationRequests.csv(body);
    if (csv.refusal() != null) {
      return csv.refusal();
    }
    try {
      return Response.ok(Map.of("imported", teams.importCsv(csv.csv()))).build();
    } catch (InvalidOrganisationException invalid) {
      return invalid(OrganisationRequests.fieldsOf(invalid));
    }
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
    object.keySet().stream()
        .filter(name -> !columns.containsKey(name))
        .forEach(
            name ->
                errors.add(
                    new FieldProblem(
                        field + "." + name,
                        "is not a part of "
                            + field
                            + "; use "
                            + String.join(", ", columns.keySet().stream().sorted().toList()))));
    return OrganisationRequests.texts(object, columns, field + ".", errors);
  }

  private static Response notFound(String id) {
    return Problem.of(
            Response.Status.NOT_FOUND, "team-not-found", "No team has the id '" + id + "'.")
        .toResponse();
  }

  private static Response invalid(List<FieldProblem> errors) {
    return OrganisationRequests.invalid("invalid-team", "The team is not valid", errors);
  }
}
