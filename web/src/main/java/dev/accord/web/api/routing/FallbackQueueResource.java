package dev.accord.web.api.routing;

import dev.accord.routing.control.LeadAssignments;
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
import java.util.Optional;

/**
 * GET /api/routing/queue[?queue=emea|global] (operator): the leads nobody could take, oldest first,
 * each with its queue (its team, or global for a lead without a team), since when it waits and why.
 * Give one to a rep with POST /api/leads/{id}/assignment.
 */
@Path("routing/queue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FallbackQueueResource {

  @Inject LeadAssignments assignments;

  /** How many leads wait, in one queue or all, and the oldest of them (500 at most). */
  public record Queue(long waiting, List<LeadAssignments.QueuedLead> leads) {}

  @GET
  @RolesAllowed(Roles.OPERATOR)
  public Response unowned(@QueryParam("queue") String queue) {
    LeadAssignments.Queue waiting =
        assignments.unowned(Optional.ofNullable(queue).filter(q -> !q.isBlank()));
    return Response.ok(new Queue(waiting.waiting(), waiting.oldest())).build();
  }
}
