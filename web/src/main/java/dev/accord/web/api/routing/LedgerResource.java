package dev.accord.web.api.routing;

import dev.accord.routing.control.FairnessLedger;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import dev.accord.web.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * GET /api/routing/ledger?team=emea[&period=2026-11] (operator): the fairness ledger the rotation
 * goes by, how many leads of each grade each rep of the team received in the period (a calendar
 * month, UTC; the current one unless named). Past periods stay readable.
 */
@Path("routing/ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

  @Inject FairnessLedger ledger;

  /** A team's ledger for one period. */
  public record Ledger(String team, String period, List<FairnessLedger.Line> lines) {}

  @GET
  @RolesAllowed(Roles.OPERATOR)
  public Response of(@QueryParam("team") String team, @QueryParam("period") String period) {
    if (team == null || team.isBlank()) {
      return Problem.invalidQuery(
              "The ledger query is not valid",
              List.of(new FieldProblem("team", "is required: the team's id, e.g. emea")))
          .toResponse();
    }
    if (period != null && !period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      return Problem.invalidQuery(
              "The ledger query is not valid",
              List.of(new FieldProblem("period", "must be a month as YYYY-MM, e.g. 2026-11")))
          .toResponse();
    }
    String month = period == null ? ledger.period() : period;
    return Response.ok(new Ledger(team, month, ledger.of(team, month))).build();
  }
}
