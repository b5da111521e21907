package dev.accord.rules.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.rules.Rulebook;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;

/**
 * The second line on its own: rules the first line would refuse are built straight with Drools, as
 * if they had slipped past it, and what they compiled to is refused with the rule's name.
 */
class CompiledClassCheckTest {

  private static final String KIE_BASE = "rulebook";

  @Test
  void aConsequenceReadingTheEnvironmentIsRefusedWithItsRule() {
    List<CompiledClassCheck.Refusal> refusals =
        checkedScoringRule(
            "Reads the server's environment",
            "$lead : Lead()",
            "fit.award(System.getenv(\"HOME\").length());");

    assertThat(refusals)
        .containsExactly(
            new CompiledClassCheck.Refusal(
                Optional.of("Reads the server's environment"),
                "the compiled rule calls java/lang/System.getenv, which rules may not use"));
  }

  @Test
  void aConsequenceHaltingTheEngineIsRefusedThoughItOnlyTalksToDrools() {
    List<CompiledClassCheck.Refusal> refusals =
        checkedScoringRule("Stops every decision", "$lead : Lead()", "drools.halt();");

    assertThat(refusals)
        .containsExactly(
            new CompiledClassCheck.Refusal(
                Optional.of("Stops every decision"),
                "the compiled rule calls org/drools/core/rule/consequence/KnowledgeHelper.halt,"
                    + " which rules may not use"));
  }

  @Test
  void aLambdaInAConsequenceIsRefused() {
    List<CompiledClassCheck.Refusal> refusals =
        checkedScoringRule(
            "Keeps code for later", "$lead : Lead()", "Runnable later = () -> fit.award(1);");

    assertThat(refusals)
        .containsExactly(
            new CompiledClassCheck.Refusal(
                Optional.of("Keeps code for later"),
                "the compiled rule makes a dynamic call through"
                    + " java/lang/invoke/LambdaMetafactory.metafactory, which rules may not use"));
  }

  @Test
  void aConsequenceUsingOnlyTheVocabularyAndTheEngineShortcutsPasses() {
    List<CompiledClassCheck.Refusal> refusals =
        checkedScoringRule(
            "Large companies from a webinar score high",
            "$lead : Lead( employees != null, employees > 500 )",
            "fit.award(Math.max(10, $lead.getEmployees() / 100));"
                + " String company = \"at \" + $lead.getCompany();"
                + " if (company.length() > 3) { fit.award(company.length()); }"
                + " insert(new Scores(1, 2)); update($lead); delete($lead);");

    assertThat(refusals).isEmpty();
  }

  @Test
  void theDemoRulebookPassesBothLines() throws Exception {
    Path demo = Path.of(System.getProperty("accord.rulebook.dir", "rulebook"));

    try (Rulebook rulebook = Rulebook.compile(demo)) {
      assertThat(rulebook.version()).isNotBlank();
    }
  }

  /**
   * Builds one scoring rule with Drools alone, past Accord's first line, and checks its classes.
   */
  private static List<CompiledClassCheck.Refusal> checkedScoringRule(
      String name, String when, String then) {
    KieServices kie = KieServices.Factory.get();
    ReleaseId releaseId = kie.newReleaseId("dev.accord.test", "second-line", "1.0.0");
    KieModuleModel module = kie.newKieModuleModel();
    module.newKieBaseModel(KIE_BASE).addPackage("scoring");
    KieFileSystem files = kie.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    files.writeKModuleXML(module.toXML());
    files.write(
        "src/main/resources/scoring/attempt.drl",
        "package scoring;\n"
            + "import dev.accord.rules.lead.Lead;\n"
            + "import dev.accord.rules.decision.*;\n"
            + "global ScoreSheet fit;\n"
            + "rule \""
            + name
            + "\"\nwhen\n  "
            + when
            + "\nthen\n  "
            + then
            + "\nend\n");
    KieBuilder built = kie.newKieBuilder(files).buildAll();
    try {
      assertThat(built.getResults().getMessages(Message.Level.ERROR)).isEmpty();
      return CompiledClassCheck.check(built.getKieModule(), KIE_BASE);
    } finally {
      kie.getRepository().removeKieModule(releaseId);
    }
  }
}
