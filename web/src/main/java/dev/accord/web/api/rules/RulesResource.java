package dev.accord.web.api.rules;

import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rulebook.control.RulebookStatus;
import dev.accord.web.api.security.Callers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;

/**
 * GET /api/rules: the live rulebook version, where it came from, and the last attempt to publish
 * the folder with its problems (file, line, reason). POST /api/rules/reload (operator) compiles the
 * folder at once instead of waiting for the watcher.
 */
@Path("rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

  @EJB LiveRulebook rulebook;

  /** The live rulebook and the last attempt. */
  @JsonbPropertyOrder({"liveVersion", "liveSince", "liveFrom", "lastAttempt"})
  public record Status(
      String liveVersion, Instant liveSince, String liveFrom, Attempt lastAttempt) {

    static Status of(RulebookStatus status) {
      RulebookStatus.Attempt attempt = status.lastAttempt();
      return new Status(
          status.liveVersion(),
          status.liveSince(),
          status.liveFrom().name(),
          new Attempt(
              attempt.at(),
              attempt.outcome().name(),
              attempt.version(),
              attempt.problems().stream()
                  .map(p -> new Problem(p.file(), p.line(), p.reason()))
                  .toList()));
    }
  }

  /** One compile of the folder. */
  @JsonbPropertyOrder({"at", "outcome", "version", "problems"})
  public record Attempt(Instant at, String outcome, String version, List<Problem> problems) {}

  /** A problem with the rulebook, where to fix it. */
  @JsonbPropertyOrder({"file", "line", "reason"})
  public record Problem(String file, int line, String reason) {}

  @GET
  public Status status() {
    return Status.of(rulebook.status());
  }

  @POST
  @Path("reload")
  public Response reload(@Context SecurityContext context) {
    if (!Callers.of(context).operator()) {
      return dev.accord.web.api.problems.Problem.of(
              Response.Status.FORBIDDEN,
              "operators-only",
              "This needs an operator key (accord.operator.keys).")
          .toResponse();
    }
    return Response.ok(Status.of(rulebook.reload())).build();
  }
}
