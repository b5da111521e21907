package dev.accord.web.api.organisation;

import dev.accord.organisation.control.DepartmentHeads;
import dev.accord.rules.sla.Side;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * The department heads every breach escalates to (operator key): GET /api/organisation/heads lists
 * both, GET …/{sales|marketing} shows one, PUT …/{sales|marketing} with {@code {"name", "email"}}
 * names who holds the role; the next escalation goes to them.
 */
@Path("organisation/heads")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HeadsResource {

  private static final OrganisationRequests REQUESTS =
      new OrganisationRequests("invalid-head", "The head is not valid");

  @Inject DepartmentHeads heads;

  @GET
  public Response all() {
    return Response.ok(heads.all()).build();
  }

  @GET
  @Path("{side}")
  public Response one(@PathParam("side") String side) {
    return DepartmentHeads.side(side)
        .flatMap(heads::find)
        .map(head -> Response.ok(head).build())
        .orElseGet(() -> notFound(side));
  }

  @PUT
  @Path("{side}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("side") String side, InputStream body, @Context UriInfo uri) {
    return DepartmentHeads.side(side)
        .map(named -> put(named, body, uri))
        .orElseGet(() -> notFound(side));
  }

  private Response put(Side side, InputStream body, UriInfo uri) {
    return REQUESTS.changeByJson(
        body,
        "send {\"name\": \"Sam Carter\", \"email\": \"head.of.sales@acme.com\"} as JSON",
        json -> {
          DepartmentHeads.Kept kept =
              heads.put(side, JsonObjects.text(json, "name"), JsonObjects.text(json, "email"));
          return OrganisationRequests.kept(kept.created(), kept.head(), uri);
        });
  }

  private static Response notFound(String side) {
    return Problem.of(
            Response.Status.NOT_FOUND,
            "head-not-found",
            "There is no head of '" + side + "'; the sides are sales and marketing.")
        .toResponse();
  }
}
