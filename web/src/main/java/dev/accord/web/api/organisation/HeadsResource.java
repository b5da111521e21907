package dev.accord.web.api.organisation;

import dev.accord.organisation.control.DepartmentHeads;
import dev.accord.organisation.control.InvalidOrganisationException;
import dev.accord.rules.sla.Side;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import dev.accord.web.api.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.Optional;

/**
 * The department heads every breach escalates to (operator key): GET /api/organisation/heads lists
 * both, GET …/{sales|marketing} shows one, PUT …/{sales|marketing} with {@code {"name", "email"}}
 * names who holds the role; the next escalation goes to them.
 */
@Path("organisation/heads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HeadsResource {

  @Inject DepartmentHeads heads;

  @GET
  public Response all(@Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    return Response.ok(heads.all()).build();
  }

  @GET
  @Path("{side}")
  public Response one(@PathParam("side") String side, @Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    return DepartmentHeads.side(side)
        .flatMap(heads::find)
        .map(head -> Response.ok(head).build())
        .orElseGet(() -> notFound(side));
  }

  @PUT
  @Path("{side}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("side") String side,
      InputStream body,
      @Context SecurityContext context,
      @Context UriInfo uri) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    Optional<Side> named = DepartmentHeads.side(side);
    if (named.isEmpty()) {
      return notFound(side);
    }
    Optional<JsonObject> request = BoundedBodies.read(body, 4 * 1024).flatMap(JsonObjects::of);
    if (request.isEmpty()) {
      return invalid(
          List.of(
              new FieldProblem(
                  "body",
                  "send {\"name\": \"Sam Carter\", \"email\": \"head.of.sales@acme.com\"} as"
                      + " JSON")));
    }
    try {
      DepartmentHeads.Kept kept =
          heads.put(
              named.get(),
              JsonObjects.text(request.get(), "name"),
              JsonObjects.text(request.get(), "email"));
      return kept.created()
          ? Response.created(uri.getAbsolutePath()).entity(kept.head()).build()
          : Response.ok(kept.head()).build();
    } catch (InvalidOrganisationException invalid) {
      return invalid(OrganisationRequests.fieldsOf(invalid));
    }
  }

  private static Response notFound(String side) {
    return Problem.of(
            Response.Status.NOT_FOUND,
            "head-not-found",
            "There is no head of '" + side + "'; the sides are sales and marketing.")
        .toResponse();
  }

  private static Response invalid(List<FieldProblem> errors) {
    return OrganisationRequests.invalid("invalid-head", "The head is not valid", errors);
  }
}
