package dev.accord.web.api.intake;

import dev.accord.intake.control.HeldInputReplays;
import dev.accord.intake.control.HeldInputs;
import dev.accord.intake.control.IntakeSources.Caller;
import dev.accord.intake.entity.HeldInput;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.PathIds;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.security.Callers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * GET /api/intake/held lists what channels could not accept (unreadable mails, bad rows, partner
 * messages) and leads that failed every delivery, with their reasons; POST
 * /api/intake/held/{id}/replay sends one through again once fixed. A source's key sees its own; an
 * operator's sees all.
 */
@Path("intake/held")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HeldInputsResource {

  private static final int MAX_LEAD_BYTES = 64 * 1024;

  @EJB HeldInputs held;

  @Inject HeldInputReplays replays;

  /** A held input as listed: without its content, which may be large and personal. */
  @JsonbPropertyOrder({
    "id",
    "kind",
    "state",
    "channel",
    "source",
    "reference",
    "reason",
    "heldAt",
    "leadId",
    "replayedAt",
    "replayedLeadId"
  })
  public record Summary(
      String id,
      String kind,
      String state,
      String channel,
      String source,
      String reference,
      String reason,
      Instant heldAt,
      String leadId,
      Instant replayedAt,
      String replayedLeadId) {

    static Summary of(HeldInput input) {
      return new Summary(
          input.getId().toString(),
          input.getKind().name(),
          input.getState().name(),
          input.getChannel(),
          input.getIntakeSource(),
          input.getReference(),
          input.getReason(),
          input.getHeldAt(),
          text(input.getLeadId()),
          input.getReplayedAt(),
          text(input.getReplayedLeadId()));
    }

    private static String text(UUID id) {
      return id == null ? null : id.toString();
    }
  }

  /** One held input with what it held, to fix it. */
  @JsonbPropertyOrder({"input", "content"})
  public record Detail(Summary input, String content) {}

  /** One page of held inputs. */
  @JsonbPropertyOrder({"page", "size", "held"})
  public record Page(int page, int size, List<Summary> held) {}

  /** The answer to a replay. */
  @JsonbPropertyOrder({"heldInput", "leadId", "state"})
  public record Replayed(String heldInput, String leadId, String state) {}

  @GET
  public Response list(
      @QueryParam("kind") String kind,
      @QueryParam("state") @DefaultValue("HELD") String state,
      @QueryParam("source") String source,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size,
      @Context SecurityContext context) {
    Caller caller = Callers.of(context);
    List<Problem.FieldProblem> errors = new ArrayList<>();
    Optional<HeldInput.Kind> kindFilter = parse(HeldInput.Kind.class, "kind", kind, errors);
    Optional<HeldInput.State> stateFilter =
        "ALL".equalsIgnoreCase(state)
            ? Optional.empty()
            : parse(HeldInput.State.class, "state", state, errors);
    Problem.checkPaging(page, size, errors);
    if (!errors.isEmpty()) {
      return Problem.invalidQuery("The query is not valid", errors).toResponse();
    }
    if (source != null && !caller.reads(source)) {
      return Response.ok(new Page(page, size, List.of())).build();
    }
    Optional<String> readable =
        caller.operator() ? Optional.ofNullable(source) : Optional.of(caller.name());
    List<Summary> inputs =
        held
            .list(new HeldInputs.Filter(kindFilter, stateFilter, readable), page * size, size)
            .stream()
            .map(Summary::of)
            .toList();
    return Response.ok(new Page(page, size, inputs)).build();
  }

  @GET
  @Path("{id}")
  public Response find(@PathParam("id") String id, @Context SecurityContext context) {
    return visible(id, context)
        .map(input -> Response.ok(new Detail(Summary.of(input), input.getContent())).build())
        .orElseGet(() -> notFound(id));
  }

  /**
   * Replays a held input: a dead letter as it was, anything else as the corrected lead sent as the
   * JSON body. It keeps its idempotency key, so replaying twice never makes two leads.
   */
  @POST
  @Path("{id}/replay")
  public Response replay(
      @PathParam("id") String id, InputStream body, @Context SecurityContext context) {
    Optional<HeldInput> input = visible(id, context);
    if (input.isEmpty()) {
      return notFound(id);
    }
    Optional<byte[]> lead = BoundedBodies.read(body, MAX_LEAD_BYTES);
    if (lead.isEmpty()) {
      return Problem.of(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "lead-too-large",
              "The corrected lead is larger than 64 KiB.")
          .toResponse();
    }
    try {
      UUID leadId = replays.replay(input.get(), lead.get());
      return Response.accepted(new Replayed(id, leadId.toString(), "REPLAYED")).build();
    } catch (HeldInputReplays.AlreadyReplayedException e) {
      return Problem.of(Response.Status.CONFLICT, "already-replayed", e.getMessage()).toResponse();
    } catch (HeldInputReplays.NotReplayableException e) {
      return Problem.of(Response.Status.CONFLICT, "not-replayable", e.getMessage()).toResponse();
    } catch (HeldInputReplays.CorrectionNeededException e) {
      return Problem.of(Response.Status.BAD_REQUEST, "correction-needed", e.getMessage())
          .toResponse();
    }
  }

  private Optional<HeldInput> visible(String id, SecurityContext context) {
    Caller caller = Callers.of(context);
    return PathIds.uuid(id)
        .flatMap(held::find)
        .filter(input -> caller.reads(input.getIntakeSource()));
  }

  private static Response notFound(String id) {
    return Problem.of(
            Response.Status.NOT_FOUND,
            "held-input-not-found",
            "No held input your key may read has the id '" + id + "'.")
        .toResponse();
  }

  private static <E extends Enum<E>> Optional<E> parse(
      Class<E> type, String name, String value, List<Problem.FieldProblem> errors) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      errors.add(
          new Problem.FieldProblem(
              name, "must be one of " + Arrays.toString(type.getEnumConstants())));
      return Optional.empty();
    }
  }
}
