package dev.accord.web.api.sla;

import dev.accord.leads.boundary.LeadDirectory;
import dev.accord.sla.control.BreachDisputes;
import dev.accord.sla.control.Scorecard;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.PathIds;
import dev.accord.web.api.leads.LeadRepresentation;
import dev.accord.web.api.leads.LeadRepresentation.EscalationView;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.security.Callers;
import dev.accord.web.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The agreement as the heads see it: the scorecard over a period, disputing a breach, and the
 * escalations a failing channel is still holding.
 */
@Path("sla")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {

  private static final int MAX_UNDELIVERED = 500;
  private static final Duration LONGEST_PERIOD = Duration.ofDays(366);

  @Inject Scorecard scorecard;

  @Inject BreachDisputes disputes;

  @EJB LeadDirectory directory;

  @Inject Clock clock;

  /**
   * @param from a date (2026-11-01, from its start in UTC) or an instant with offset; default 30
   *     days before {@code to}
   * @param to likewise, exclusive; default now
   */
  @GET
  @Path("scorecard")
  @RolesAllowed(Roles.OPERATOR)
  public Response scorecard(@QueryParam("from") String from, @QueryParam("to") String to) {
    List<Problem.FieldProblem> errors = new ArrayList<>();
    Optional<Instant> end = instant("to", to, errors);
    Optional<Instant> start = instant("from", from, errors);
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    Instant until = end.orElseGet(clock::instant);
    Instant since = start.orElse(until.minus(Duration.ofDays(30)));
    if (!since.isBefore(until)) {
      return invalid(List.of(new Problem.FieldProblem("from", "must be before 'to'")));
    }
    if (Duration.between(since, until).compareTo(LONGEST_PERIOD) > 0) {
      // The card is computed from every clock of the period; a year is what a head compares.
      return invalid(
          List.of(new Problem.FieldProblem("from", "is more than 366 days before 'to'")));
    }
    return Response.ok(scorecard.between(since, until)).build();
  }

  /**
   * A head disputes a breach: {@code {"side": "MARKETING", "note": "..."}}. Needs an operator key:
   * an intake source neither owns the clocks nor may read other sources' leads.
   */
  @POST
  @Path("clocks/{id}/dispute")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.OPERATOR)
  public Response dispute(
      @PathParam("id") String id, InputStream body, @Context SecurityContext context) {
    Optional<byte[]> bounded = BoundedBodies.read(body, 16 * 1024);
    if (bounded.isEmpty()) {
      return Problem.of(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "dispute-too-large",
              "A dispute is larger than 16 KiB.")
          .toResponse();
    }
    JsonBodies.DisputeRequest request = JsonBodies.dispute(bounded.get());
    Optional<UUID> clockId = PathIds.uuid(id);
    if (clockId.isEmpty()) {
      return clockNotFound(id);
    }
    try {
      return disputes
          .dispute(clockId.get(), request.side(), request.note())
          .flatMap(clock -> directory.record(clock.getLeadId()))
          .map(lead -> Response.ok(LeadRepresentation.of(lead, Callers.of(context))).build())
          .orElseGet(() -> clockNotFound(id));
    } catch (IllegalStateException notBreached) {
      return Problem.of(
              Response.Status.CONFLICT,
              "not-breached",
              notBreached.getMessage() + "; only a breach can be disputed.")
          .toResponse();
    }
  }

  /**
   * Escalations not yet sent, with their attempts and the last error of their channel; they name
   * people and addresses, so they need an operator key.
   */
  @GET
  @Path("escalations/undelivered")
  @RolesAllowed(Roles.OPERATOR)
  public Response undelivered() {
    return Response.ok(
            directory.undelivered(MAX_UNDELIVERED).stream().map(EscalationView::of).toList())
        .build();
  }

  private static Optional<Instant> instant(
      String field, String text, List<Problem.FieldProblem> errors) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException notADate) {
      try {
        return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
      } catch (DateTimeParseException notAnInstant) {
        errors.add(
            new Problem.FieldProblem(
                field,
                "'"
                    + text
                    + "' is not a date (2026-11-01) or a time with offset (2026-11-01T09:00:00+01:00)"));
        return Optional.empty();
      }
    }
  }

  private static Response invalid(List<Problem.FieldProblem> errors) {
    return new Problem(
            "https://accord.dev/problems/invalid-request",
            "The request is not valid",
            400,
            errors.size() == 1
                ? "1 parameter is not valid."
                : errors.size() + " parameters are not valid.",
            errors)
        .toResponse();
  }

  private static Response clockNotFound(String id) {
    return Problem.of(
            Response.Status.NOT_FOUND, "clock-not-found", "No SLA clock has the id '" + id + "'.")
        .toResponse();
  }
}
