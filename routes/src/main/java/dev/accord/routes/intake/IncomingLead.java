package dev.accord.routes.intake;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An accepted, normalised lead as it travels on the leads queue: the one shape every channel's
 * input is turned into before anything scores or routes it.
 *
 * @param leadId stable id; the same intake source and external id always give the same one
 * @param intakeSource the authenticated source that sent the lead
 * @param externalId the sender's own id for the lead, if it gave one
 * @param receivedAt when Accord accepted the lead
 * @param email lower-case e-mail address
 * @param country ISO 3166 alpha-2 code, upper case
 * @param phone E.164 phone number, if given
 * @param source lower-case marketing source (e.g. {@code webinar}), if given
 * @param action lower-case action the lead took (e.g. {@code demo-request}), if given
 * @param industry the industry as the sender named it, if given
 * @param message what the person wrote, line breaks kept, if anything
 * @param attributes custom values by lower-case name (at most 20), never null
 * @param channel how the lead arrived: {@code api}, {@code form}, {@code webhook}, {@code mail},
 *     {@code file}, {@code sftp} or {@code jms}
 * @param channelReference what identifies it on that channel (form id, Message-ID, file and row)
 */
public record IncomingLead(
    UUID leadId,
    String intakeSource,
    String externalId,
    Instant receivedAt,
    String email,
    String firstName,
    String lastName,
    String company,
    String title,
    Integer employees,
    String country,
    String phone,
    String source,
    String action,
    String industry,
    String message,
    Map<String, String> attributes,
    String channel,
    String channelReference) {

  /** What identifies a lead on its channel is cut to what the lead store keeps. */
  public static final int CHANNEL_REFERENCE_MAX = 1000;

  public IncomingLead {
    // Written before channels existed, a queued lead carries none: it came through the API.
    channel = channel == null ? "api" : channel;
    channelReference =
        channelReference == null || channelReference.length() <= CHANNEL_REFERENCE_MAX
            ? channelReference
            : channelReference.substring(0, CHANNEL_REFERENCE_MAX);
    attributes =
        attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
  }
}
