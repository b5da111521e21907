package dev.accord.platform.configuration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.accord.intake.control.SignedSource;
import dev.accord.intake.control.WebForm;
import dev.accord.routes.mail.MailboxSettings;
import dev.accord.routes.partners.PartnerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The channels leads come in by besides the JSON API, declared in one YAML file ({@code
 * accord.channels.file}): web forms, sources that sign their requests, mailboxes and partner feeds.
 * Read once at startup; a mistake stops the deployment with the file, the path of the setting and
 * the reason, and never with a secret in it.
 *
 * @param forms web forms by form id
 * @param signedSources sources whose requests must be signed, by source name
 * @param mailboxes IMAP mailboxes polled for leads
 * @param partners partner feeds (folder, SFTP, JMS queue); a relative folder is resolved against
 *     the channels file's own folder
 */
public record ChannelsFile(
    Map<String, WebForm> forms,
    Map<String, SignedSource> signedSources,
    List<MailboxSettings> mailboxes,
    List<PartnerSettings> partners) {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public ChannelsFile {
    forms = forms == null ? Map.of() : Map.copyOf(forms);
    signedSources = signedSources == null ? Map.of() : Map.copyOf(signedSources);
    partners = partners == null ? List.of() : List.copyOf(partners);
    mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
    if (mailboxes.stream().map(MailboxSettings::source).distinct().count() < mailboxes.size()) {
      throw new IllegalArgumentException("mailboxes: two mailboxes have the same source");
    }
    if (partners.stream().map(PartnerSettings::id).distinct().count() < partners.size()) {
      throw new IllegalArgumentException("partners: two partners have the same id");
    }
    for (String formId : forms.keySet()) {
      if (!formId.matches("[a-z0-9][a-z0-9-]{0,49}")) {
        throw new IllegalArgumentException(
            "forms: '" + formId + "' is not 1 to 50 lower-case letters, digits or '-'");
      }
    }
  }

  public static ChannelsFile none() {
    return new ChannelsFile(Map.of(), Map.of(), List.of(), List.of());
  }

  /**
   * @throws IllegalStateException naming the file, the setting and what is wrong with it
   */
  public static ChannelsFile read(Path file) {
    try {
      ChannelsFile channels = YAML.readValue(Files.readAllBytes(file), ChannelsFile.class);
      return channels == null
          ? none()
          : channels.resolvedAgainst(file.toAbsolutePath().getParent());
    } catch (JsonMappingException e) {
      throw new IllegalStateException(
          "Channels file " + file + ", " + path(e.getPath()) + ": " + reason(e), e);
    } catch (IOException e) {
      throw new IllegalStateException("Channels file " + file + " cannot be read: " + e, e);
    }
  }

  private ChannelsFile resolvedAgainst(Path folder) {
    return new ChannelsFile(
        forms,
        signedSources,
        mailboxes,
        partners.stream()
            .map(
                p ->
                    p.folder() == null
                        ? p
                        : new PartnerSettings(
                            p.id(),
                            p.source(),
                            folder.resolve(p.folder()).normalize().toString(),
                            p.sftp(),
                            p.queue(),
                            p.delimiter(),
                            p.mapping(),
                            p.pollMillis(),
                            p.maxFileBytes(),
                            p.quietMillis()))
            .toList());
  }

  private static String path(List<JsonMappingException.Reference> path) {
    return path.stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  // The validating constructors' messages are written for people; Jackson's own are kept short,
  // without the value that was read (it may be a secret).
  private static String reason(JsonMappingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    String message = e.getOriginalMessage();
    int detail = message.indexOf(" (");
    return detail > 0 ? message.substring(0, detail) : message;
  }
}
