package dev.accord.web.api.problems;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem details document; {@code errors} names each bad field and why.
 *
 * @param type a URI naming the kind of problem
 * @param title a short, stable summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time, in plain words
 * @param errors the fields at fault, if the problem is about the request's content
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
@JsonbNillable(false)
public record Problem(
    String type, String title, int status, String detail, List<FieldProblem> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field at fault and why. */
  public record FieldProblem(String field, String reason) {}

  public static Problem of(Response.Status status, String type, String detail) {
    return new Problem(
        "https://accord.dev/problems/" + type,
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        null);
  }

  /** A list's query parameters at fault, each named with why. */
  public static Problem invalidQuery(String title, List<FieldProblem> errors) {
    return new Problem(
        "https://accord.dev/problems/invalid-query",
        title,
        Response.Status.BAD_REQUEST.getStatusCode(),
        "Fix the parameters named below.",
        errors);
  }

  /** Checks the page and size of a paged list, adding what is wrong to {@code errors}. */
  public static void checkPaging(int page, int size, List<FieldProblem> errors) {
    if (page < 0) {
      errors.add(new FieldProblem("page", "must be 0 or more"));
    }
    if (size < 1 || size > 200) {
      errors.add(new FieldProblem("size", "must be between 1 and 200"));
    }
  }

  /** A call only an operator key may make (accord.operator.keys). */
  public static Problem operatorsOnly() {
    return of(
        Response.Status.FORBIDDEN,
        "operators-only",
        "This needs an operator key (accord.operator.keys).");
  }

  /** A call only an intake source's key may make, such as sending a lead. */
  public static Problem intakeSourcesOnly() {
    return of(
        Response.Status.FORBIDDEN,
        "not-an-intake-source",
        "An operator key reads and replays; send leads with the key of their source.");
  }

  /** A lead refused for its content, naming each field at fault; nothing of it was stored. */
  public static Problem invalidLead(
      Response.Status status, String detail, List<FieldProblem> errors) {
    return new Problem(
        "https://accord.dev/problems/invalid-lead",
        "The lead is not valid",
        status.getStatusCode(),
        detail,
        errors);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
