package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Account owners first: accounts imported from CSV; a lead from an account's e-mail domain, or with
 * its company name from a free-mail address, goes to the owner whatever its territory, and when the
 * owner is out of office the team's rotation takes it with the reason in the receipt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void leadsOfAKnownAccountGoToItsOwnerByDomainOrByNameAndToTheRotationWhenTheOwnerIsAway() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String domain = "acme-robotics-" + suffix + ".com";
    AccordClient.Raw imported =
        accord.operator(
            "POST",
            "/api/organisation/accounts/import",
            "text/csv",
            "id,name,domain,owner\n"
                + "acme-"
                + suffix
                + ",\"ACME Robotics, Inc.\","
                + domain
                + ",priya.nair\n"
                + "nordwind-"
                + suffix
                + ",Nordwind Logistik "
                + suffix
                + " GmbH,,jonas.weber\n");
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.json().get("imported").asInt()).isEqualTo(2);

    // A US lead (the Americas territory) from ACME's domain goes to ACME's owner in EMEA.
    JsonNode byDomain = accord.awaitLead(lead("ops@eu." + domain, "Whoever Corp", "US"));
    assertThat(byDomain.at("/assignment/rep/id").asText()).isEqualTo("priya.nair");
    assertThat(byDomain.at("/assignment/team/id").asText()).isEqualTo("emea");
    assertThat(byDomain.at("/assignment/candidates").toString())
        .isEqualTo(
            "[{\"chosen\":true,\"reason\":\"owner of account ACME Robotics, Inc. (matched by the"
                + " e-mail domain "
                + domain
                + ")\",\"repId\":\"priya.nair\"}]");
    JsonNode byName =
        accord.awaitLead(
            lead(
                "k.schulz." + suffix + "@gmail.com",
                "NORDWIND LOGISTIK " + suffix + " GmbH & Co. KG",
                "AT"));
    assertThat(byName.at("/assignment/rep/id").asText()).isEqualTo("jonas.weber");
    assertThat(lastEvent(byName))
        .isEqualTo(
            "ASSIGNED: Assigned to Jonas Weber of team EMEA, owner of account Nordwind Logistik "
                + suffix
                + " GmbH (matched by the company name 'NORDWIND LOGISTIK "
                + suffix
                + " GmbH & Co. KG')");

    Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    AccordClient.Raw absence =
        accord.operator(
            "POST",
            "/api/organisation/reps/priya.nair/absences",
            "application/json",
            "{\"from\": \"" + Instant.now().minusSeconds(60) + "\", \"to\": \"" + until + "\"}");
    try {
      JsonNode ownerAway = accord.awaitLead(lead("cto@" + domain, "ACME Robotics", "US"));
      assertThat(ownerAway.at("/assignment/team/id").asText()).isEqualTo("americas");
      assertThat(ownerAway.at("/assignment/rep/id").asText()).isNotEqualTo("priya.nair");
      assertThat(ownerAway.at("/assignment/candidates/0").toString())
          .isEqualTo(
              "{\"chosen\":false,\"reason\":\"owner of account ACME Robotics, Inc. (matched by the"
                  + " e-mail domain "
                  + domain
                  + "), but out of office until "
                  + until
                  + "\",\"repId\":\"priya.nair\"}");
    } finally {
      accord.operator(
          "DELETE",
          "/api/organisation/reps/priya.nair/absences/"
              + absence.json().at("/absences/0/id").asText(),
          "application/json",
          null);
    }
  }

  @Test
  void anImportWithABadRowKeepsNothingAndNamesTheRowAndField() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    AccordClient.Raw refused =
        accord.operator(
            "POST",
            "/api/organisation/accounts/import",
            "text/csv",
            "id,name,domain,owner\n"
                + "good-"
                + suffix
                + ",Good Company,good-"
                + suffix
                + ".example,ana.costa\n"
                + "bad-"
                + suffix
                + ",Bad Company,gmail.com,nobody\n");
    AccordClient.Raw noHeader =
        accord.operator("POST", "/api/organisation/accounts/import", "text/csv", "a,b\n1,2\n");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").toString())
        .isEqualTo(
            "[{\"field\":\"row 3: domain\",\"reason\":\"gmail.com is a free-mail domain; it says"
                + " nothing about the company\"},{\"field\":\"row 3: owner\",\"reason\":\"no rep"
                + " has the id 'nobody'\"}]");
    assertThat(noHeader.status()).isEqualTo(400);
    assertThat(noHeader.json().at("/errors/0/reason").asText())
        .isEqualTo(
            "the first line must name the columns id,name,domain,owner; missing id, name, domain,"
                + " owner");
    assertThat(
            accord.operator("GET", "/api/organisation/accounts", "application/json", null).body())
        .doesNotContain("good-" + suffix);
  }

  private String lead(String email, String company, String country) {
    return accord
        .postLead(
            """
            {"email": "%s", "company": "%s", "country": "%s"}
            """
                .formatted(email, company, country))
        .body()
        .get("id")
        .asText();
  }

  private static String lastEvent(JsonNode lead) {
    JsonNode last = lead.get("history").get(lead.get("history").size() - 1);
    return last.get("type").asText() + ": " + last.get("detail").asText();
  }
}
