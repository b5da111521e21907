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
    AccordSettings settings = settings("web-forms:k1, partner-feed : k2", false);

    assertThat(settings.intakeSourcesByKey())
        .containsEntry("k1", "web-forms")
        .containsEntry("k2", "partner-feed")
        .hasSize(2);
  }

  @Test
  void theDemoKeyIsValidOnlyInDemoMode() {
    assertThat(settings(null, true).intakeSourcesByKey())
        .containsEntry(AccordSettings.DEMO_INTAKE_KEY, AccordSettings.DEMO_INTAKE_SOURCE);
    assertThat(settings(null, false).intakeSourcesByKey()).isEmpty();
  }

  @Test
  void aMalformedIntakeKeyIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> settings("just-a-key", false).intakeSourcesByKey())
        .hasMessageContaining("accord.intake.keys")
        .hasMessageContaining("just-a-key");
  }

  @Test
  void aServerWithoutARulebookFolderSaysWhichSettingIsMissing() {
    assertThatThrownBy(() -> settings(null, true).rulebookFolder())
        .hasMessageContaining("accord.rulebook.dir");
  }
}
