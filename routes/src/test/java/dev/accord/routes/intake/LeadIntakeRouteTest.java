package dev.accord.routes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadIntakeRouteTest extends CamelTestSupport {

  private static final String INTAKE = "direct:lead-intake";
  private static final String LEADS_QUEUE = "mock:leads-queue";
  private static final Instant NOW = Instant.parse("2025-03-03T09:15:00Z");

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    return new RoutesBuilder[] {
      new IntakeRouteConfiguration(),
      new LeadIntakeRoute(
          new IntakeEndpoints(INTAKE, LEADS_QUEUE), Clock.fixed(NOW, ZoneOffset.UTC))
    };
  }

  @Test
  void validLeadReachesTheQueueAsJsonWithNormalisedFields() throws Exception {
    MockEndpoint queue = leadsQueue();
    queue.expectedMessageCount(1);

    Exchange answer =
        submit(
            "demo-web",
            """
            {"externalId": " crm-42 ", "email": "  Ada.Lovelace@Example.COM ",
             "firstName": " Ada ", "lastName": "Lovelace", "company": " Analytical Engines ",
             "title": "  ", "employees": 250, "country": "germany", "phone": "030 1234567",
             "source": " Webinar ", "action": "Demo-Request"}
            """);

    queue.assertIsSatisfied();
    Exchange queued = queue.getReceivedExchanges().get(0);
    IncomingLead lead = IncomingLeadCodec.fromJson(queued.getMessage().getBody(String.class));
    assertThat(queued.getMessage().getBody()).isInstanceOf(String.class);
    assertThat(lead)
        .isEqualTo(
            new IncomingLead(
                LeadIds.forSubmission("demo-web", "crm-42"),
                "demo-web",
                "crm-42",
                NOW,
                "ada.lovelace@example.com",
                "Ada",
                "Lovelace",
                "Analytical Engines",
                null,
                250,
                "DE",
                "+49301234567",
                "webinar",
                "demo-request",
                null,
                null,
                Map.of(),
                "api",
                null));
    assertThat(queued.getMessage().getHeader(IntakeHeaders.LEAD_ID))
        .isEqualTo(lead.leadId().toString());
    assertThat(answer.getException()).isNull();
    assertThat(answer.getMessage().getHeader(IntakeHeaders.LEAD_ID))
        .isEqualTo(lead.leadId().toString());
    assertThat(answer.getMessage().getBody()).isEqualTo(lead);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"UK|GB", "U.S.A.|US", "Deutschland|DE", "Türkiye|TR", "Russian Federation|RU"})
  void commonCountryAliasesAreUnderstood(String written, String alpha2) throws Exception {
    assertThat(
            acceptedLead("{\"email\": \"ada@example.com\", \"country\": \"" + written + "\"}")
                .country())
        .isEqualTo(alpha2);
  }

  @Test
  void countryGivenAsAlpha3CodeIsStoredAsAlpha2() throws Exception {
    assertThat(acceptedLead("{\"email\": \"ada@example.com\", \"country\": \"deu\"}").country())
        .isEqualTo("DE");
  }

  @Test
  void countryNameSpelledOutInFullIsRecognised() throws Exception {
    assertThat(
            acceptedLead("{\"email\": \"ada@example.com\", \"country\": \"Saint Kitts and Nevis\"}")
                .country())
        .isEqualTo("KN");
  }

  @Test
  void leadPostedAsUtf8BytesKeepsItsAccents() throws Exception {
    MockEndpoint queue = leadsQueue();
    queue.expectedMessageCount(1);

    submit(
        "demo-web",
        "{\"email\": \"zoe@example.fr\", \"firstName\": \"Zoë\", \"country\": \"FR\"}"
            .getBytes(StandardCharsets.UTF_8));

    queue.assertIsSatisfied();
    assertThat(queuedLead(queue).firstName()).isEqualTo("Zoë");
  }

  @Test
  void queueingDoesNotWaitForAReplyEvenThoughTheCallerWaits() throws Exception {
    MockEndpoint queue = leadsQueue();
    queue.expectedMessageCount(1);
    queue.message(0).exchangePattern().isEqualTo(ExchangePattern.InOnly);

    Exchange answer = submit("demo-web", "{\"email\": \"ada@example.com\", \"country\": \"DE\"}");

    queue.assertIsSatisfied();
    assertThat(answer.getPattern()).isEqualTo(ExchangePattern.InOut);
  }

  @Test
  void leadWithoutEmailIsRejected() throws Exception {
    assertRejected("{\"email\": \"  \", \"country\": \"DE\"}", "email", "is required");
  }

  @Test
  void leadWithInvalidEmailIsRejected() throws Exception {
    assertRejected(
        "{\"email\": \"ada@@example\", \"country\": \"DE\"}",
        "email",
        "is not a valid e-mail address");
  }

  @Test
  void leadFromUnknownCountryIsRejectedQuotingTheCountry() throws Exception {
    assertRejected(
        "{\"email\": \"ada@example.com\", \"country\": \" Atlantis \"}",
        "country",
        "'Atlantis' is not an ISO 3166 country");
  }

  @Test
  void leadWithOverLongCompanyIsRejected() throws Exception {
    assertRejected(
        "{\"email\": \"ada@example.com\", \"country\": \"DE\", \"company\": \""
            + "x".repeat(201)
            + "\"}",
        "company",
        "is longer than 200 characters");
  }

  @Test
  void leadWithImpossiblePhoneNumberIsRejected() throws Exception {
    assertRejected(
        "{\"email\": \"ada@example.com\", \"country\": \"DE\", \"phone\": \"12\"}",
        "phone",
        "is not a valid phone number");
  }

  @Test
  void leadWhoseEmployeeCountIsNotANumberIsRejected() throws Exception {
    assertRejected(
        "{\"email\": \"ada@example.com\", \"country\": \"DE\", \"employees\": \"lots\"}",
        "employees",
        "must be a whole number");
  }

  @Test
  void leadWithMoreEmployeesThanAnyCompanyIsRejected() throws Exception {
    assertRejected(
        "{\"email\": \"ada@example.com\", \"country\": \"DE\", \"employees\": 10000001}",
        "employees",
        "must be between 1 and 10000000");
  }

  @Test
  void leadWithAFieldAccordDoesNotKnowIsRejected() throws Exception {
    assertRejected(
        "{\"email\": \"ada@example.com\", \"country\": \"DE\", \"favouriteColour\": \"teal\"}",
        "favouriteColour",
        "is not a lead field");
  }

  @Test
  void malformedJsonIsRejectedSayingWhereItBroke() throws Exception {
    InvalidLeadException rejection =
        assertRejected("{\n  \"email\": \"ada@example.com\",\n}", "body", null);

    assertThat(rejection.errors().get(0).reason())
        .startsWith("is not valid JSON at line 3, column ");
  }

  @Test
  void jsonThatIsNotAnObjectIsRejected() throws Exception {
    assertRejected("[\"ada@example.com\"]", "body", "must be a JSON object with the lead's fields");
  }

  @Test
  void emptyBodyIsRejected() throws Exception {
    assertRejected(" \n ", "body", "is empty");
  }

  @Test
  void everyBadFieldIsReportedInOneRejection() throws Exception {
    MockEndpoint queue = leadsQueue();
    queue.expectedMessageCount(0);

    Exchange answer =
        submit(
            "demo-web",
            """
            {"email": "not-an-address", "country": "Atlantis", "employees": 0,
             "title": "%s", "phone": "12"}
            """
                .formatted("t".repeat(151)));

    queue.assertIsSatisfied();
    assertThat(answer.getException(InvalidLeadException.class).errors())
        .containsExactly(
            new FieldError("email", "is not a valid e-mail address"),
            new FieldError("title", "is longer than 150 characters"),
            new FieldError("employees", "must be between 1 and 10000000"),
            new FieldError("country", "'Atlantis' is not an ISO 3166 country"));
  }

  @Test
  void wronglyTypedUnknownAndInvalidFieldsAreReportedTogether() throws Exception {
    MockEndpoint queue = leadsQueue();
    queue.expectedMessageCount(0);

    Exchange answer =
        submit(
            "demo-web",
            "{\"email\": [\"ada@example.com\"], \"employees\": 12.5, \"colour\": \"teal\","
                + " \"country\": \"Atlantis\"}");

    queue.assertIsSatisfied();
    assertThat(answer.getException(InvalidLeadException.class).errors())
        .containsExactlyInAnyOrder(
            new FieldError("colour", "is not a lead field"),
            new FieldError("email", "must be a string"),
            new FieldError("employees", "must be a whole number"),
            new FieldError("country", "'Atlantis' is not an ISO 3166 country"));
  }

  @Test
  void repeatedSubmissionFromTheSameSourceGetsTheFirstLeadsId() throws Exception {
    String lead =
        "{\"externalId\": \"crm-42\", \"email\": \"ada@example.com\", \"country\": \"DE\"}";

    String first = leadIdOf(submit("demo-web", lead));
    String repeat = leadIdOf(submit("demo-web", lead));

    assertThat(repeat).isEqualTo(first);
  }

  @Test
  void sameExternalIdFromAnotherSourceIsAnotherLead() throws Exception {
    String lead =
        "{\"externalId\": \"crm-42\", \"email\": \"ada@example.com\", \"country\": \"DE\"}";

    String fromWeb = leadIdOf(submit("demo-web", lead));
    String fromPartner = leadIdOf(submit("partner-feed", lead));

    assertThat(fromPartner).isNotEqualTo(fromWeb);
  }

  @Test
  void aRetryWithoutAnyKeyIsRecognisedByItsNormalisedContent() throws Exception {
    String first =
        leadIdOf(submit("demo-web", "{\"email\": \"ada@example.com\", \"country\": \"DE\"}"));
    String retry =
        leadIdOf(submit("demo-web", "{ \"country\": \"de\",  \"email\": \" ADA@example.com\" }"));
    String other =
        leadIdOf(submit("demo-web", "{\"email\": \"bob@example.com\", \"country\": \"DE\"}"));

    assertThat(retry).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void anIdempotencyKeyMakesTheSameLeadWhateverTheContent() throws Exception {
    String lead = "{\"email\": \"ada@example.com\", \"country\": \"DE\"}";
    String edited = "{\"email\": \"ada@example.com\", \"country\": \"DE\", \"title\": \"CTO\"}";

    String first = leadIdOf(submitWithKey("demo-web", "retry-7", lead));
    String retry = leadIdOf(submitWithKey("demo-web", "retry-7", edited));

    assertThat(retry)
        .isEqualTo(first)
        .isEqualTo(LeadIds.forIdempotencyKey("demo-web", "retry-7").toString());
  }

  @Test
  void industryMessageAndAttributesAreNormalisedAndHeaderBreakingCharactersRemoved()
      throws Exception {
    IncomingLead lead =
        acceptedLead(
            """
            {"email": "ada@example.com", "country": "DE", "company": "Evil\\r\\nBcc: all@x.com",
             "industry": " Banking ", "message": "Line one\\r\\nLine two\\u0007",
             "attributes": {"Plan": "enterprise", "seats": 40, "trial": true}}
            """);

    assertThat(lead.company()).isEqualTo("Evil Bcc: all@x.com");
    assertThat(lead.industry()).isEqualTo("Banking");
    assertThat(lead.message()).isEqualTo("Line one\nLine two");
    assertThat(lead.attributes())
        .containsExactly(
            Map.entry("plan", "enterprise"), Map.entry("seats", "40"), Map.entry("trial", "true"));
  }

  @Test
  void attributesBeyondTheBoundOrWithBadNamesAreRefusedNamingTheField() throws Exception {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append("\"a").append(i).append("\": \"x\"");
    }
    Exchange tooMany =
        submit(
            "demo-web",
            "{\"email\": \"ada@example.com\", \"country\": \"DE\", \"attributes\": {"
                + many
                + "}}");
    Exchange badName =
        submit(
            "demo-web",
            "{\"email\": \"ada@example.com\", \"country\": \"DE\","
                + " \"attributes\": {\"9 lives\": \"x\", \"tags\": [1]}}");

    assertThat(tooMany.getException(InvalidLeadException.class).errors())
        .containsExactly(new FieldError("attributes", "has more than 20 entries"));
    assertThat(badName.getException(InvalidLeadException.class).errors())
        .containsExactlyInAnyOrder(
            new FieldError("attributes.tags", "must be a text, number or boolean"),
            new FieldError(
                "attributes",
                "has a name that is not a letter followed by up to 39 letters, digits, '_' or"
                    + " '-'"));
  }

  @Test
  void callerThatForgetsTheIntakeSourceGetsAProgrammingErrorNotARejection() throws Exception {
    MockEndpoint queue = leadsQueue();
    queue.expectedMessageCount(0);

    Exchange answer =
        template.request(
            INTAKE,
            exchange ->
                exchange
                    .getMessage()
                    .setBody("{\"email\": \"ada@example.com\", \"country\": \"DE\"}"));

    queue.assertIsSatisfied();
    assertThat(answer.getException()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void queueFailureReachesTheCallerAfterASingleAttempt() throws Exception {
    MockEndpoint queue = leadsQueue();
    queue.expectedMessageCount(1);
    queue.whenAnyExchangeReceived(
        exchange -> {
          throw new IllegalStateException("broker unavailable");
        });

    Exchange answer = submit("demo-web", "{\"email\": \"ada@example.com\", \"country\": \"DE\"}");

    queue.assertIsSatisfied();
    assertThat(answer.getException())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("broker unavailable");
  }

  private InvalidLeadException assertRejected(String body, String field, String reason)
      throws Exception {
    MockEndpoint queue = leadsQueue();
    queue.expectedMessageCount(0);

    Exchange answer = submit("demo-web", body);

    queue.assertIsSatisfied();
    InvalidLeadException rejection = answer.getException(InvalidLeadException.class);
    assertThat(rejection).as("rejection of %s", body).isNotNull();
    assertThat(rejection.errors()).extracting(FieldError::field).containsExactly(field);
    if (reason != null) {
      assertThat(rejection.errors()).containsExactly(new FieldError(field, reason));
    }
    return rejection;
  }

  private IncomingLead acceptedLead(String body) throws Exception {
    MockEndpoint queue = leadsQueue();
    queue.expectedMessageCount(1);
    submit("demo-web", body);
    queue.assertIsSatisfied();
    return queuedLead(queue);
  }

  private static IncomingLead queuedLead(MockEndpoint queue) {
    return IncomingLeadCodec.fromJson(
        queue.getReceivedExchanges().get(0).getMessage().getBody(String.class));
  }

  private static String leadIdOf(Exchange answer) {
    assertThat(answer.getException()).isNull();
    String leadId = answer.getMessage().getHeader(IntakeHeaders.LEAD_ID, String.class);
    assertThat(UUID.fromString(leadId))
        .isEqualTo(answer.getMessage().getBody(IncomingLead.class).leadId());
    return leadId;
  }

  private Exchange submit(String intakeSource, Object body) {
    return template.request(
        INTAKE,
        exchange -> {
          exchange.getMessage().setBody(body);
          exchange.getMessage().setHeader(IntakeHeaders.INTAKE_SOURCE, intakeSource);
        });
  }

  private Exchange submitWithKey(String intakeSource, String idempotencyKey, Object body) {
    return template.request(
        INTAKE,
        exchange -> {
          exchange.getMessage().setBody(body);
          exchange.getMessage().setHeader(IntakeHeaders.INTAKE_SOURCE, intakeSource);
          exchange.getMessage().setHeader(IntakeHeaders.IDEMPOTENCY_KEY, idempotencyKey);
        });
  }

  private MockEndpoint leadsQueue() {
    return getMockEndpoint(LEADS_QUEUE);
  }
}
