package dev.accord.web.api.rules;

import dev.accord.routing.control.RoutingReplay;
import dev.accord.rulebook.control.CandidateRulebooks;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import dev.accord.web.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * POST /api/rules/replay (operator): {@code {"days": 30, "source": "webinar", "candidate":
 * {"files": {...}}}} decides the leads of the last days (all, or those of one source) again with a
 * candidate rulebook, acting on none of them, and answers how grades, teams and reps would shift
 * and which leads would change hands; as JSON, or as a report to read with {@code Accept:
 * text/markdown}.
 */
@Path("rules/replay")
@RequestScoped
public class ReplayResource {

  static final String MARKDOWN = "text/markdown";

  @EJB RoutingReplay replays;

  @Inject CandidateRulebooks candidates;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MARKDOWN})
  @RolesAllowed(Roles.OPERATOR)
  public Response replay(
      InputStream body, @Context SecurityContext context, @Context HttpHeaders headers) {
    Optional<JsonObject> request =
        BoundedBodies.read(body, CandidateRequest.MAX_BODY).flatMap(JsonObjects::of);
    if (request.isEmpty()) {
      return invalid(
          new FieldProblem(
              "body",
              "send {\"days\": 30, \"candidate\": {\"files\": {...}}}, at most 4 MiB of JSON"));
    }
    JsonValue days = request.get().getOrDefault("days", Json.createValue(30));
    if (!(days instanceof JsonNumber number)
        || !number.isIntegral()
        || number.longValue() < 1
        || number.longValue() > 365) {
      return invalid(new FieldProblem("days", "must be a whole number of days from 1 to 365"));
    }
    JsonValue source = request.get().getOrDefault("source", JsonValue.NULL);
    if (source != JsonValue.NULL
        && !(source instanceof jakarta.json.JsonString named
            && !named.getString().isBlank()
            && named.getString().length() <= 50)) {
      return invalid(
          new FieldProblem(
              "source", "must be a lead source of 1 to 50 characters, or left out for all leads"));
    }
    CandidateRequest.Outcome outcome =
        CandidateRequest.compile(request.get().get("candidate"), candidates);
    if (outcome instanceof CandidateRequest.Refused refused) {
      return refused.response();
    }
    RoutingReplay.Replay replay =
        replays.replay(
            ((CandidateRequest.Compiled) outcome).rulebook(),
            Duration.ofDays(number.longValue()),
            source instanceof jakarta.json.JsonString named
                ? Optional.of(named.getString().strip())
                : Optional.empty());
    boolean report =
        headers.getAcceptableMediaTypes().stream()
            .anyMatch(type -> MARKDOWN.equals(type.getType() + "/" + type.getSubtype()));
    return report
        ? Response.ok(ReplayReport.of(replay), MARKDOWN + "; charset=UTF-8").build()
        : Response.ok(replay, MediaType.APPLICATION_JSON).build();
  }

  private static Response invalid(FieldProblem problem) {
    return new Problem(
            "https://accord.dev/problems/invalid-replay",
            "The replay is not valid",
            400,
            "Fix the fields named below.",
            List.of(problem))
        .toResponse();
  }
}
