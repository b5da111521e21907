package dev.accord.intake.control;

import dev.accord.intake.entity.HeldInput;
import dev.accord.routes.intake.InvalidLeadException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Sends a held input through intake again once its cause is fixed: a dead letter as it was (the
 * rule that failed it has been corrected), a mail, row or message as the corrected lead an operator
 * sends. Either way it keeps its idempotency key, so a replay is taken once however often it is
 * asked for.
 */
@ApplicationScoped
public class HeldInputReplays {

  @EJB HeldInputs held;

  @Inject LeadIntake intake;

  /** The input was replayed before; a second replay would change nothing. */
  public static class AlreadyReplayedException extends RuntimeException {
    public AlreadyReplayedException(UUID leadId) {
      super(
          leadId == null
              ? "It is being replayed or was replayed before."
              : "It was replayed before, as lead " + leadId + ".");
    }
  }

  /** A dead letter that was not a lead message has nothing to send again. */
  public static class NotReplayableException extends RuntimeException {
    public NotReplayableException() {
      super("It is not a lead message, so there is nothing to send again; read its content.");
    }
  }

  /** A mail, row or message needs the corrected lead to replay. */
  public static class CorrectionNeededException extends RuntimeException {
    public CorrectionNeededException() {
      super("Send the corrected lead as the JSON body; only a dead letter is replayed as it was.");
    }
  }

  /**
   * @param correctedLead the lead as JSON (as {@code POST /api/leads} takes it), or null
   * @return the id of the lead the replay made
   * @throws InvalidLeadException if the corrected lead is still not valid; the input stays held
   * @throws IntakeUnavailableException if the broker did not take it
   */
  public UUID replay(HeldInput input, byte[] correctedLead) {
    boolean deadLetter = input.getKind() == HeldInput.Kind.DEAD_LETTER;
    if (!deadLetter && (correctedLead == null || correctedLead.length == 0)) {
      throw new CorrectionNeededException();
    }
    if (deadLetter && input.getLeadId() == null) {
      throw new NotReplayableException();
    }
    if (!held.claimForReplay(input.getId())) {
      throw new AlreadyReplayedException(
          held.find(input.getId()).map(HeldInput::getReplayedLeadId).orElse(null));
    }
    UUID leadId;
    try {
      if (deadLetter) {
        intake.requeue(input.getContent(), input.getLeadId());
        leadId = input.getLeadId();
      } else {
        leadId =
            intake.submit(
                correctedLead,
                input.getIntakeSource(),
                new Arrival(input.getChannel(), input.getReference(), input.getIdempotencyKey()));
      }
    } catch (RuntimeException notSent) {
      held.releaseReplay(input.getId());
      throw notSent;
    }
    held.markReplayed(input.getId(), leadId);
    return leadId;
  }
}
