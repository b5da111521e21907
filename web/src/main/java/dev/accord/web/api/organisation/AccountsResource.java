package dev.accord.web.api.organisation;

import dev.accord.organisation.control.Accounts;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * Known accounts and their owners (operator key): GET /api/organisation/accounts lists them; PUT
 * /api/organisation/accounts/{id} with {@code {"name", "domain", "owner"}} creates or replaces one;
 * DELETE removes one; POST /api/organisation/accounts/import with a CSV body ({@code
 * id,name,domain,owner}) creates or replaces them all, or none if a row is wrong. A lead from an
 * account's e-mail domain, or with its company name, goes to the owner first.
 */
@Path("organisation/accounts")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  private static final OrganisationRequests REQUESTS =
      new OrganisationRequests("invalid-accounts", "The accounts are not valid");

  @Inject Accounts accounts;

  @GET
  public Response all() {
    return Response.ok(accounts.all()).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("id") String id, InputStream body) {
    return REQUESTS.changeByJson(
        body,
        "send {\"name\": \"ACME Inc.\", \"domain\": \"acme.com\", \"owner\": \"<rep"
            + " id>\"} as JSON",
        json ->
            Response.ok(
                    accounts.put(
                        id,
                        JsonObjects.text(json, "name"),
                        JsonObjects.text(json, "domain"),
                        JsonObjects.text(json, "owner")))
                .build());
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") String id) {
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
  public Response importCsv(InputStream body) {
    return REQUESTS.importCsv(body, "imported", accounts::importCsv);
  }
}
