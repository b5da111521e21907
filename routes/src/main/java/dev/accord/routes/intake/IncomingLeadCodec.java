package dev.accord.routes.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The wire format of {@link IncomingLead} on the leads queue, kept in one place so the producer
 * (this module) and the consumers (the EJB module) cannot drift apart.
 *
 * <p>The JSON object carries the record's component names; {@code receivedAt} is an ISO-8601
 * instant and {@code leadId} a UUID string.
 */
public final class IncomingLeadCodec {

  // Unknown properties are ignored on read so that a message written by a newer release, with
  // fields added, still reaches consumers that have not been upgraded yet.
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private IncomingLeadCodec() {}

  public static String toJson(IncomingLead lead) {
    if (lead == null) {
      throw new IllegalArgumentException("no lead to write");
    }
    try {
      return JSON.writeValueAsString(lead);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write lead " + lead.leadId() + " as JSON", e);
    }
  }

  /** The normalised submission as JSON with sorted keys: equal content, equal bytes. */
  static byte[] canonicalBytes(NormalisedSubmission submission) {
    try {
      return CANONICAL.writeValueAsBytes(submission);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a submission as JSON", e);
    }
  }

  /**
   * Reads a lead message.
   *
   * @throws IllegalArgumentException if the text is not a lead message, or lacks the lead id,
   *     intake source or time of receipt every consumer relies on
   */
  public static IncomingLead fromJson(String json) {
    if (json == null) {
      throw new IllegalArgumentException("no lead message to read");
    }
    IncomingLead lead;
    try {
      lead = JSON.readValue(json, IncomingLead.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Unreadable lead message: " + e.getOriginalMessage(), e);
    }
    if (lead == null
        || lead.leadId() == null
        || lead.intakeSource() == null
        || lead.receivedAt() == null) {
      throw new IllegalArgumentException(
          "Lead message lacks leadId, intakeSource or receivedAt: " + json);
    }
    return lead;
  }
}
