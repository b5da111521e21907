package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Web forms, signed webhooks, finding leads, one lead per person and keys that read only their own
 * source, over real HTTP against the server Arquillian manages (channels in
 * src/test/channels/channels.yaml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelsIT {

  static final String OPERATOR_KEY = "it-operator-key-00000000001";
  static final String SIGNED_KEY = "it-signed-partner-key-000001";
  static final String OTHER_KEY = "it-other-source-key-0000001";
  private static final String SIGNING_SECRET = "it-signing-secret-0123456789abcdef-0123";
  private static final String ALLOWED_ORIGIN = "https://www.example.com";

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void aFormPostBecomesALeadWithItsMappedFieldsAndTheBrowserGoesToTheThankYouPage() {
    String email = unique("form");

    AccordClient.Raw answer =
        postForm(
            "contact-us",
            "your-email="
                + email
                + "&given-name=J%C3%BCrgen&family-name=M%C3%BCller"
                + "&organisation=M%C3%BCller+Bank+AG&land=Germany&sector=Banking"
                + "&comments=Please+call+me%0D%0Aafter+3pm&plan=enterprise&submit=Send",
            "text/html");

    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location"))
        .contains("https://www.example.com/thank-you");
    JsonNode lead = awaitOnlyLeadOf(email);
    assertThat(lead.at("/intake/source").asText()).isEqualTo("website");
    assertThat(lead.at("/intake/channel").asText()).isEqualTo("form");
    assertThat(lead.at("/intake/channelReference").asText()).isEqualTo("contact-us");
    assertThat(lead.at("/intake/message").asText()).isEqualTo("Please call me\nafter 3pm");
    assertThat(lead.at("/intake/attributes/plan").asText()).isEqualTo("enterprise");
    assertThat(lead.at("/intake/attributes").size()).isEqualTo(1);
    assertThat(lead.at("/contact/firstName").asText()).isEqualTo("Jürgen");
    assertThat(lead.at("/contact/lastName").asText()).isEqualTo("Müller");
    assertThat(lead.at("/contact/company").asText()).isEqualTo("Müller Bank AG");
    assertThat(lead.at("/contact/country").asText()).isEqualTo("DE");
    assertThat(lead.at("/contact/industry").asText()).isEqualTo("Banking");
    assertThat(ruleNames(lead))
        .contains(
            "Banks, insurers and financial services answer to regulators",
            "Looking at the enterprise plan shows budget");
  }

  @Test
  void aBadFormPostGetsAReadablePageOrProblemJsonAndStoresNothing() {
    String email = unique("badform");

    AccordClient.Raw page =
        postForm("contact-us", "your-email=" + email + "&land=Atlantis", "text/html");
    AccordClient.Raw json = postForm("contact-us", "given-name=Ada&land=DE", "application/json");
    AccordClient.Raw notUtf8 = postForm("contact-us", "your-email=%FF%FE&land=DE", "text/html");
    AccordClient.Raw brokenEscape = postForm("contact-us", "your-email=%G1&land=DE", "text/html");
    AccordClient.Raw empty = postForm("contact-us", "", "application/json");
    AccordClient.Raw wrongType =
        accord.exchange(
            accord
                .request("/forms/contact-us")
                .header("Content-Type", "application/json")
                .header("Origin", ALLOWED_ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\"}")));
    AccordClient.Raw tenMegabytes =
        postForm("contact-us", "comments=" + "x".repeat(10 * 1024 * 1024), "text/html");
    AccordClient.Raw foreignOrigin =
        accord.exchange(
            accord
                .request("/forms/contact-us")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example.net")
                .POST(HttpRequest.BodyPublishers.ofString("your-email=" + email + "&land=DE")));
    AccordClient.Raw noSuchForm = postForm("no-such-form", "your-email=" + email, "text/html");

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("<strong>land</strong> &#39;Atlantis&#39; is not an ISO 3166 country");
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.body())
        .contains("\"errors\":[{\"field\":\"your-email\",\"reason\":\"is required\"}]");
    assertThat(notUtf8.status()).isEqualTo(400);
    assertThat(notUtf8.body()).contains("<strong>body</strong> is not valid UTF-8");
    assertThat(brokenEscape.status()).isEqualTo(400);
    assertThat(brokenEscape.body()).contains("<strong>body</strong> has a broken %-escape");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("{\"field\":\"body\",\"reason\":\"is empty\"}");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(tenMegabytes.status()).isEqualTo(413);
    assertThat(foreignOrigin.status()).isEqualTo(403);
    assertThat(noSuchForm.status()).isEqualTo(404);
    assertThat(leadsOf(email)).isEmpty();
  }

  @Test
  void aBotThatFillsTheHoneypotIsThankedAndNothingIsStored() {
    String email = unique("bot");

    AccordClient.Raw answer =
        postForm("contact-us", "your-email=" + email + "&land=DE&fax_number=555-0100", "text/html");
    String person = unique("person");
    postForm("contact-us", "your-email=" + person + "&land=DE", "text/html");

    assertThat(answer.status()).isEqualTo(303);
    awaitOnlyLeadOf(person);
    assertThat(leadsOf(email)).isEmpty();
  }

  @Test
  void aClientOverTheFormsRateLimitIsToldWhenToComeBack() {
    List<Integer> statuses = new ArrayList<>();
    AccordClient.Raw last = null;
    for (int i = 0; i < 3; i++) {
      last = postForm("tight", "email=" + unique("rate") + "&country=DE", "text/html");
      statuses.add(last.status());
    }

    assertThat(statuses).containsExactly(303, 303, 429);
    assertThat(last.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(3500L, 3601L));
  }

  @Test
  void aSignedSourceIsHeardOnlyWithAFreshUnusedSignatureOfItsExactBody() {
    String email = unique("signed");
    String body = "{\"email\": \"" + email + "\", \"country\": \"FR\"}";
    String now = Long.toString(Instant.now().getEpochSecond());
    String stale = Long.toString(Instant.now().minusSeconds(301).getEpochSecond());

    AccordClient.Answer unsigned = accord.postLead(body, "Bearer " + SIGNED_KEY);
    AccordClient.Answer forged =
        signedPost(body, now, sign("not-the-secret-0123456789abcdef-0123", now, body));
    AccordClient.Answer altered =
        signedPost(body.replace("FR", "DE"), now, sign(SIGNING_SECRET, now, body));
    AccordClient.Answer tooOld = signedPost(body, stale, sign(SIGNING_SECRET, stale, body));
    AccordClient.Answer good = signedPost(body, now, sign(SIGNING_SECRET, now, body));
    AccordClient.Answer replayed = signedPost(body, now, sign(SIGNING_SECRET, now, body));

    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.body().get("detail").asText())
        .startsWith("This source must sign its requests");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.body().get("detail").asText())
        .isEqualTo("X-Accord-Signature does not match the request. Nothing was stored.");
    assertThat(altered.status()).isEqualTo(401);
    assertThat(tooOld.status()).isEqualTo(401);
    assertThat(tooOld.body().get("detail").asText())
        .startsWith("X-Accord-Timestamp is more than 5 minutes away");
    assertThat(good.status()).isEqualTo(202);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.body().get("detail").asText())
        .startsWith("This signed request was already");
    JsonNode lead = awaitOnlyLeadOf(email);
    assertThat(lead.at("/id").asText()).isEqualTo(good.body().get("id").asText());
    assertThat(lead.at("/intake/channel").asText()).isEqualTo("webhook");
    assertThat(lead.at("/contact/country").asText()).isEqualTo("FR");
  }

  @Test
  void aRetryWithoutExternalIdIsTheSameLeadAndAnIdempotencyKeyHoldsAcrossEdits() {
    String email = unique("retry");
    String body = "{\"email\": \"" + email + "\", \"country\": \"DE\"}";

    String first = accord.postLead(body).body().get("id").asText();
    String retried = accord.postLead(body.replace(" ", "  ")).body().get("id").asText();
    // Routed before the keyed submissions arrive, so they are the ones merged into it.
    accord.awaitLead(first);
    String keyed =
        accord
            .postLead(body, AccordClient.DEMO_KEY, "Idempotency-Key", "order-77-" + email)
            .body()
            .get("id")
            .asText();
    String keyedAgain =
        accord
            .postLead(
                body.replace("}", ", \"title\": \"CTO\"}"),
                AccordClient.DEMO_KEY,
                "Idempotency-Key",
                "order-77-" + email)
            .body()
            .get("id")
            .asText();

    assertThat(retried).isEqualTo(first);
    assertThat(keyedAgain).isEqualTo(keyed);
    JsonNode lead = awaitOnlyLeadOf(email);
    // The keyed submission is the same person within the window: merged, not a second lead.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(accord.get("/api/leads/" + keyed).body().at("/id").asText())
                    .isEqualTo(lead.at("/id").asText()));
    assertThat(lead.at("/id").asText()).isEqualTo(first);
  }

  @Test
  void thePersonComingBackThroughAnotherChannelIsMergedIntoTheirLeadAndRescored() {
    String email = unique("returning");
    AccordClient.Answer viaApi =
        accord.postLead(
            """
            {"email": "%s", "country": "DE", "source": "website", "action": "whitepaper"}
            """
                .formatted(email));
    JsonNode first = accord.awaitLead(viaApi.body().get("id").asText());

    AccordClient.Raw viaForm =
        postForm(
            "contact-us",
            "your-email=" + email.toUpperCase() + "&land=DE&sector=Banking&plan=enterprise",
            "text/html");

    assertThat(viaForm.status()).isEqualTo(303);
    JsonNode merged =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> accord.getLead(first.at("/id").asText(), "Bearer " + OPERATOR_KEY).body(),
                lead -> lead.at("/intake/engagements").asInt() == 2);
    // The form is another source (website) than the API key's (demo-web): by the default merge
    // policy it adds engagement (coming back: 15) but neither its fields nor its attributes.
    assertThat(first.at("/score/engagement").asInt()).isEqualTo(10);
    assertThat(merged.at("/score/engagement").asInt()).isEqualTo(25);
    assertThat(merged.at("/score/fit").asInt()).isEqualTo(first.at("/score/fit").asInt());
    assertThat(merged.at("/contact/industry").isMissingNode()).isTrue();
    assertThat(merged.at("/assignment/rep/id").asText())
        .isEqualTo(first.at("/assignment/rep/id").asText());
    assertThat(Receipts.historyTypes(merged))
        .containsSubsequence("RECEIVED", "SCORED", "ASSIGNED", "MERGED", "RESCORED");
    assertThat(leadsOf(email)).hasSize(1);
  }

  @Test
  void aSourcesKeyFindsAndReadsOnlyItsOwnLeadsAndAnOperatorReadsAll() {
    String email = unique("scoped");
    String id =
        accord
            .postLead("{\"email\": \"" + email + "\", \"country\": \"DE\"}")
            .body()
            .get("id")
            .asText();
    accord.awaitLead(id);

    AccordClient.Answer otherReads = accord.get("/api/leads/" + id, OTHER_KEY);
    AccordClient.Answer otherSearches = accord.get("/api/leads?email=" + encode(email), OTHER_KEY);
    AccordClient.Answer ownSearch = accord.get("/api/leads?email=" + encode(email));
    AccordClient.Answer operatorSearch =
        accord.get("/api/leads?source=demo-web&email=" + encode(email), OPERATOR_KEY);
    AccordClient.Answer operatorPosts =
        accord.postLead(
            "{\"email\": \"x@example.com\", \"country\": \"DE\"}", "Bearer " + OPERATOR_KEY);
    AccordClient.Answer badQuery = accord.get("/api/leads?since=yesterday&size=0");

    assertThat(otherReads.status()).isEqualTo(404);
    assertThat(otherSearches.body().get("leads")).isEmpty();
    assertThat(ownSearch.body().at("/leads/0/id").asText()).isEqualTo(id);
    assertThat(ownSearch.body().at("/leads/0/channel").asText()).isEqualTo("api");
    assertThat(operatorSearch.body().get("leads")).hasSize(1);
    assertThat(operatorPosts.status()).isEqualTo(403);
    assertThat(badQuery.status()).isEqualTo(400);
    assertThat(badQuery.body().get("errors").toString())
        .contains("\"field\":\"since\"", "\"field\":\"size\"");
  }

  private AccordClient.Raw postForm(String formId, String body, String accept) {
    return accord.exchange(
        accord
            .request("/forms/" + formId)
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .header("Origin", ALLOWED_ORIGIN)
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private AccordClient.Answer signedPost(String body, String timestamp, String signature) {
    return accord.postLead(
        body, SIGNED_KEY, "X-Accord-Timestamp", timestamp, "X-Accord-Signature", signature);
  }

  private static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of()
              .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode leadsOf(String email) {
    return accord.get("/api/leads?email=" + encode(email), OPERATOR_KEY).body().get("leads");
  }

  private JsonNode awaitOnlyLeadOf(String email) {
    JsonNode found =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> leadsOf(email), leads -> leads.size() == 1);
    return accord.getLead(found.at("/0/id").asText(), "Bearer " + OPERATOR_KEY).body();
  }

  private static List<String> ruleNames(JsonNode lead) {
    List<String> names = new ArrayList<>();
    lead.at("/score/reasons").forEach(r -> names.add(r.get("rule").asText()));
    return names;
  }

  private static String unique(String who) {
    return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
