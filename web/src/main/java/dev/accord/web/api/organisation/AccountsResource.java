package dev.accord.web.api.organisation;

import dev.accord.organisation.control.Accounts;
import dev.accord.organisation.control.InvalidOrganisationException;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import dev.accord.web.api.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known accounts and their owners (operator key): GET /api/organisation/accounts lists them; PUT
 * /api/organisation/accounts/{id} with {@code {"name", "domain", "owner"}} creates or replaces one;
 * DELETE removes one; POST /api/organisation/accounts/import with a CSV body ({@code
 * id,name,domain,owner}) creates or replaces them all, or none if a row is wrong. A lead from an
 * account's e-mail domain, or with its company name, goes to the owner first.
 */
@Path("organisation/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject Accounts accounts;

  @GET
  public Response all(@Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return Problem.operatorsOnly().toResponse();
    }
    return Response.ok(accounts.all()).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
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
                  "send {\"name\": \"ACME Inc.\", \"domain\": \"acme.com\", \"owner\": \"<rep"
                      + " id>\"} as JSON")));
    }
    try {
      return Response.ok(
              accounts.put(
                  id,
                  JsonObjects.text(request.get(), "name"),
                  JsonObjects.text(request.get(), "domain"),
                  JsonObjects.text(request.get(), "owner")))
          .build();
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
    return accounts.remove(id)
        ? Response.noContent().build()
        : Problem.of(
                Response.Status.NOT_FOUND,
                "account-not-found",
                "No account has the id '" + id + "'.")
            .toResponse();
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
      return Response.ok(Map.of("imported", accounts.importCsv(csv.csv()))).build();
    } catch (InvalidOrganisationException invalid) {
      return invalid(OrganisationRequests.fieldsOf(invalid));
    }
  }

  private static Response invalid(List<FieldProblem> errors) {
    return OrganisationRequests.invalid("invalid-accounts", "The accounts are not valid", errors);
  }
}
