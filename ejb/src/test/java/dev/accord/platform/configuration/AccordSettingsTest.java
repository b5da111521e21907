package dev.accord.platform.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccordSettingsTest {

  private static AccordSettings settings(String intakeKeys, boolean demo) {
    AccordSettings settings = new AccordSettings();
    settings.intakeKeys = Optional.ofNullable(intakeKeys);
    settings.demoEnabled = demo;
    settings.rulebookDir = Optional.empty();
    return settings;
  }

  @Test
  void intakeKeysNameTheSourceEachKeyAuthenticates() {
    AccordSettings settings =
        settings(
            "web-forms:k1-0123456789abcdefghij, partner-feed : k2-0123456789abcdefghij", false);

    assertThat(settings.intakeSourcesByKey())
        .containsEntry("k1-0123456789abcdefghij", "web-forms")
        .containsEntry("k2-0123456789abcdefghij", "partner-feed")
        .hasSize(2);
  }

  @Test
  void theDemoKeyIsValidOnlyInDemoMode() {
    assertThat(settings(null, true).intakeSourcesByKey())
        .containsEntry(AccordSettings.DEMO_INTAKE_KEY, AccordSettings.DEMO_INTAKE_SOURCE);
    assertThat(settings(null, false).intakeSourcesByKey()).isEmpty();
  }

  @Test
  void theDemoOperatorKeyIsValidOnlyInDemoMode() {
    AccordSettings demo = settings(null, true);
    demo.operatorKeys = Optional.of("it.operator:it-operator-key-00000000001");
    AccordSettings production = settings(null, false);
    production.operatorKeys = Optional.of("it.operator:it-operator-key-00000000001");

    assertThat(demo.operatorKeys())
        .containsEntry(AccordSettings.DEMO_OPERATOR_KEY, "operator demo")
        .containsEntry("it-operator-key-00000000001", "operator it.operator");
    assertThat(production.operatorKeys())
        .containsOnlyKeys("it-operator-key-00000000001")
        .doesNotContainKey(AccordSettings.DEMO_OPERATOR_KEY);
  }

  @Test
  void crmSourcesAreTheSourcesListedWithoutBlanks() {
    AccordSettings settings = settings(null, false);
    settings.crmSources = Optional.of(" crm , ,partner-crm");

    assertThat(settings.crmSources()).containsExactlyInAnyOrder("crm", "partner-crm");
    settings.crmSources = Optional.empty();
    assertThat(settings.crmSources()).isEmpty();
  }

  @Test
  void theCrossSourceMergePolicyIsEngagementOnlyOrFieldsAndAnythingElseNamesTheSetting() {
    AccordSettings settings = settings(null, false);
    settings.crossSourceMerge = "engagement-only";
    assertThat(settings.crossSourceMerge())
        .isEqualTo(AccordSettings.CrossSourceMerge.ENGAGEMENT_ONLY);
    settings.crossSourceMerge = "fields";
    assertThat(settings.crossSourceMerge()).isEqualTo(AccordSettings.CrossSourceMerge.FIELDS);

    settings.crossSourceMerge = "everything";
    assertThatThrownBy(settings::crossSourceMerge)
        .hasMessage(
            "accord.intake.cross-source-merge must be engagement-only or fields, was"
                + " 'everything'");
  }

  @Test
  void aMalformedIntakeKeyIsRefusedNamingTheSettingWithoutEchoingTheKey() {
    assertThatThrownBy(() -> settings("just-a-key-0123456789abcdef", false).intakeSourcesByKey())
        .hasMessage("accord.intake.keys: an entry is not of the form source:key");
  }

  @Test
  void aShortIntakeKeyIsRefusedNamingItsSourceNotTheKey() {
    assertThatThrownBy(() -> settings("web-forms:k1", false).intakeSourcesByKey())
        .hasMessage(
            "accord.intake.keys: the key of source 'web-forms' is shorter than 20 characters");
  }

  @Test
  void aServerWithoutARulebookFolderSaysWhichSettingIsMissing() {
    assertThatThrownBy(() -> settings(null, true).rulebookFolder())
        .hasMessageContaining("accord.rulebook.dir");
  }
}
