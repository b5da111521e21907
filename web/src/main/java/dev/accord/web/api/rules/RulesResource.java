package dev.accord.web.api.rules;

import dev.accord.routes.intake.IncomingLead;
import dev.accord.routing.control.DecisionPreview;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rulebook.control.RulebookStatus;
import dev.accord.rules.decision.Decision;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.security.Callers;
import dev.accord.web.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/rules: the live rulebook version, where it came from, and the last attempt to publish
 * the folder with its problems (file, line, reason). POST /api/rules/simulate: what the live rules
 * (or a candidate rulebook sent along) would decide for a lead, keeping nothing. POST
 * /api/rules/reload (operator) compiles the folder at once instead of waiting for the watcher.
 */
@Path("rules")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

  @EJB LiveRulebook rulebook;

  @Inject DecisionPreview previews;

  @Inject dev.accord.rulebook.control.CandidateRulebooks candidates;

  @EJB dev.accord.rulebook.control.RulebookVocabulary vocabulary;

  /** The live rulebook, its warnings and the last attempt. */
  @JsonbPropertyOrder({"liveVersion", "liveSince", "liveFrom", "warnings", "lastAttempt"})
  public record Status(
      String liveVersion,
      Instant liveSince,
      String liveFrom,
      List<Problem> warnings,
      Attempt lastAttempt) {

    static Status of(RulebookStatus status, List<dev.accord.rules.RulebookProblem> warnings) {
      RulebookStatus.Attempt attempt = status.lastAttempt();
      return new Status(
          status.liveVersion(),
          status.liveSince(),
          status.liveFrom().name(),
          warnings.stream().map(p -> new Problem(p.file(), p.line(), p.reason())).toList(),
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

  /**
   * What the live rulebook would decide for a lead sent as {@code POST /api/leads} takes it: the
   * normalised lead, the points with the rules behind them, the grade, the team and the SLA clocks
   * the agreement would start. Nothing is stored, queued or assigned.
   */
  @POST
  @Path("simulate")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response simulate(InputStream body, @Context SecurityContext context) {
    Optional<byte[]> read = BoundedBodies.read(body, CandidateRequest.MAX_BODY);
    Optional<jakarta.json.JsonObject> withCandidate = read.flatMap(RulesResource::withCandidate);
    if (withCandidate.isPresent()) {
      return simulateWithCandidate(withCandidate.get(), context);
    }
    if (read.isEmpty() || read.get().length > 64 * 1024) {
      return dev.accord.web.api.problems.Problem.of(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "lead-too-large",
              "A lead is at most 64 KiB (a request with a candidate rulebook at most 4 MiB).")
          .toResponse();
    }
    DecisionPreview.Preview preview = previews.preview(read.get(), Callers.of(context).name());
    return Response.ok(Simulation.of(preview)).build();
  }

  /**
   * {@code {"lead": {...}, "candidate": {"files": {...}}}}: the lead decided by the live files with
   * the candidate's changes, compiled aside; what it adds to the answer are the scenarios the
   * candidate fails and its warnings.
   */
  private Response simulateWithCandidate(jakarta.json.JsonObject request, SecurityContext context) {
    if (!(request.get("lead") instanceof jakarta.json.JsonObject lead)) {
      return new dev.accord.web.api.problems.Problem(
              "https://accord.dev/problems/invalid-candidate",
              "The candidate is not valid",
              400,
              "Send {\"lead\": {...}, \"candidate\": {\"files\": {...}}}.",
              List.of(
                  new dev.accord.web.api.problems.Problem.FieldProblem(
                      "lead", "is required: the lead as POST /api/leads takes it")))
          .toResponse();
    }
    CandidateRequest.Outcome outcome =
        CandidateRequest.compile(request.get("candidate"), candidates);
    if (outcome instanceof CandidateRequest.Refused refused) {
      return refused.response();
    }
    dev.accord.rules.Rulebook candidate = ((CandidateRequest.Compiled) outcome).rulebook();
    DecisionPreview.Preview preview =
        previews.preview(
            lead.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Callers.of(context).name(),
            candidate);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("decision", Simulation.of(preview));
    answer.put("failedScenarios", problems(candidate.failedScenarios()));
    answer.put("warnings", problems(candidate.warnings(vocabulary.current())));
    return Response.ok(answer).build();
  }

  private static List<Problem> problems(List<dev.accord.rules.RulebookProblem> problems) {
    return problems.stream().map(p -> new Problem(p.file(), p.line(), p.reason())).toList();
  }

  private static Optional<jakarta.json.JsonObject> withCandidate(byte[] body) {
    try (jakarta.json.JsonReader json =
        jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(body))) {
      jakarta.json.JsonValue value = json.readValue();
      return value instanceof jakarta.json.JsonObject object && object.containsKey("candidate")
          ? Optional.of(object)
          : Optional.empty();
    } catch (RuntimeException notJson) {
      // The lead path reports what is wrong with it, field by field.
      return Optional.empty();
    }
  }

  /** A simulated decision. */
  @JsonbPropertyOrder({
    "rulebookVersion",
    "lead",
    "fit",
    "engagement",
    "grade",
    "team",
    "reasons",
    "clocks"
  })
  public record Simulation(
      String rulebookVersion,
      Map<String, Object> lead,
      int fit,
      int engagement,
      String grade,
      String team,
      List<Reason> reasons,
      List<ClockPreview> clocks) {

    static Simulation of(DecisionPreview.Preview preview) {
      Decision decision = preview.decision();
      IncomingLead in = preview.lead();
      Map<String, Object> lead = new LinkedHashMap<>();
      lead.put("email", in.email());
      put(lead, "firstName", in.firstName());
      put(lead, "lastName", in.lastName());
      put(lead, "company", in.company());
      put(lead, "title", in.title());
      put(lead, "employees", in.employees());
      lead.put("country", in.country());
      put(lead, "phone", in.phone());
      put(lead, "source", in.source());
      put(lead, "action", in.action());
      put(lead, "industry", in.industry());
      if (!in.attributes().isEmpty()) {
        lead.put("attributes", in.attributes());
      }
      return new Simulation(
          decision.rulebookVersion(),
          lead,
          decision.fit(),
          decision.engagement(),
          decision.grade().name(),
          decision.team().orElse(null),
          decision.reasons().stream()
              .map(r -> new Reason(r.concern().name(), r.rule(), r.points()))
              .toList(),
          decision.clocks().stream()
              .map(
                  c ->
                      new ClockPreview(
                          c.name(),
                          c.owner().name(),
                          c.target().toString(),
                          c.calendar().orElse(null),
                          c.rule()))
              .toList());
    }

    private static void put(Map<String, Object> lead, String name, Object value) {
      if (value != null) {
        lead.put(name, value);
      }
    }
  }

  /** A rule that contributed, and its points. */
  @JsonbPropertyOrder({"concern", "rule", "points"})
  public record Reason(String concern, String rule, int points) {}

  /** A clock the agreement would start: what is owed, by whom, within what business time. */
  @JsonbPropertyOrder({"name", "owner", "target", "calendar", "rule"})
  public record ClockPreview(
      String name, String owner, String target, String calendar, String rule) {}

  /** A version that went live: when and by whom ({@code folder}: saved there; else an operator). */
  @JsonbPropertyOrder({"version", "publishedAt", "publishedBy", "live"})
  public record Version(String version, Instant publishedAt, String publishedBy, boolean live) {}

  /** How one file differs between two versions, as a unified diff. */
  @JsonbPropertyOrder({"file", "change", "diff"})
  public record FileChange(String file, String change, List<String> diff) {}

  /** Every time a version went live, newest first. */
  @GET
  @Path("versions")
  public List<Version> versions() {
    String live = rulebook.status().liveVersion();
    List<dev.accord.rulebook.control.PublishedRulebooks.Published> history = rulebook.history();
    return java.util.stream.IntStream.range(0, history.size())
        .mapToObj(
            i ->
                new Version(
                    history.get(i).version(),
                    history.get(i).at(),
                    history.get(i).by(),
                    i == 0 && history.get(i).version().equals(live)))
        .toList();
  }

  /** File by file, how version {@code to} differs from version {@code from}. */
  @GET
  @Path("versions/{from}/diff/{to}")
  public Response diff(
      @jakarta.ws.rs.PathParam("from") String from, @jakarta.ws.rs.PathParam("to") String to) {
    return rulebook
        .diff(from, to)
        .map(
            changes ->
                Response.ok(
                        changes.stream()
                            .map(c -> new FileChange(c.file(), c.change().name(), c.diff()))
                            .toList())
                    .build())
        .orElseGet(() -> versionNotFound(from + " or " + to));
  }

  /** What a rollback asks for. */
  public record RollbackRequest(String version) {}

  /**
   * Puts a published version back in one call (operator): its files replace the folder's, and it
   * goes live, recorded as published by the operator.
   */
  @POST
  @Path("rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response rollBack(InputStream body, @Context SecurityContext context) {
    Optional<byte[]> read = BoundedBodies.read(body, 4 * 1024);
    String version = null;
    if (read.isPresent()) {
      try (jakarta.json.JsonReader json =
          jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(read.get()))) {
        version = json.readObject().getString("version", null);
      } catch (RuntimeException notJson) {
        version = null;
      }
    }
    if (version == null || version.isBlank()) {
      return new dev.accord.web.api.problems.Problem(
              "https://accord.dev/problems/invalid-rollback",
              "The rollback is not valid",
              400,
              "Send {\"version\": \"sha256:...\"}, a version listed by GET /api/rules/versions.",
              List.of(
                  new dev.accord.web.api.problems.Problem.FieldProblem("version", "is required")))
          .toResponse();
    }
    String wanted = version.strip();
    return rulebook
        .rollBack(wanted, Callers.of(context).name())
        .map(status -> Response.ok(Status.of(status, rulebook.warnings())).build())
        .orElseGet(() -> versionNotFound(wanted));
  }

  private static Response versionNotFound(String version) {
    return dev.accord.web.api.problems.Problem.of(
            Response.Status.NOT_FOUND,
            "version-not-found",
            "No published rulebook version " + version + " is kept on this server.")
        .toResponse();
  }

  @GET
  public Status status() {
    return Status.of(rulebook.status(), rulebook.warnings());
  }

  /**
   * Compiles the folder now (operator). With {@code force=true} it is published even though some of
   * its scenarios fail (never past a compile error); the version history records who forced it.
   */
  @POST
  @Path("reload")
  public Response reload(
      @jakarta.ws.rs.QueryParam("force") @jakarta.ws.rs.DefaultValue("false") boolean force,
      @Context SecurityContext context) {
    RulebookStatus status =
        force ? rulebook.forcePastScenarios(Callers.of(context).name()) : rulebook.reload();
    return Response.ok(Status.of(status, rulebook.warnings())).build();
  }
}
