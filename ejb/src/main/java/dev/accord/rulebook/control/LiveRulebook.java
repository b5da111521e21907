package dev.accord.rulebook.control;

import dev.accord.platform.configuration.AccordSettings;
import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookRejectedException;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.lead.Lead;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Holds the rulebook compiled from the configured folder, so every lead is decided by the same,
 * versioned rules. Startup fails loudly on a broken rulebook: there are no earlier rules to fall
 * back on yet.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LiveRulebook {

  private static final Logger LOG = Logger.getLogger(LiveRulebook.class.getName());

  @Inject AccordSettings settings;

  private volatile Rulebook rulebook;

  @PostConstruct
  void compile() {
    try {
      rulebook = Rulebook.compile(settings.rulebookFolder());
      LOG.info(
          () -> "Rulebook " + rulebook.version() + " compiled from " + settings.rulebookFolder());
    } catch (RulebookRejectedException rejected) {
      throw new IllegalStateException(
          "The rulebook in "
              + settings.rulebookFolder()
              + " was rejected: "
              + rejected.getMessage(),
          rejected);
    }
  }

  public Decision decide(Lead lead) {
    return rulebook.decide(lead);
  }

  public String version() {
    return rulebook.version();
  }
}
