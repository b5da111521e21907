package dev.accord.bench;

import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookRejectedException;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.lead.Lead;
import dev.accord.rules.routing.AccountNames;
import dev.accord.rules.routing.FairRotation;
import dev.accord.rules.routing.RepInLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The in-process routing decision of issue 8, on both cores: score, grade and route a lead with the
 * demo rulebook (284 rules, decision tables included), look its account up among 10,000 (by e-mail
 * domain, else by company name) and pick a rep of its team by the weighted fairness ledger, in an
 * organisation of 100 reps in 10 teams; against {@code baselineEmptySession}, an empty Drools
 * session given the same lead (new session, insert, fire, dispose), measured in the same run.
 *
 * <p>What it leaves out on purpose: the database (ledger and availability reads, the team lock),
 * which the end-to-end load driver measures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class RoutingDecisionBenchmark {

  private static final int TEAMS = 10;
  private static final int REPS_PER_TEAM = 10;
  private static final int ACCOUNTS = 10_000;
  private static final List<String> COUNTRIES =
      List.of("DE", "FR", "GB", "US", "CA", "BR", "JP", "AU", "IN", "ZA", "SE", "MX");
  private static final List<String> TITLES =
      List.of("CEO", "VP of Sales", "Director of IT", "Marketing Manager", "Analyst", "Student");
  private static final List<String> ACTIONS =
      List.of("demo", "pricing", "whitepaper", "trial", "newsletter", "contact-sales");

  private Rulebook rulebook;
  private KieBase empty;
  private final Map<String, String> ownerByDomain = new HashMap<>();
  private final Map<String, String> ownerByName = new HashMap<>();
  private final Map<String, List<String>> repsByTeam = new HashMap<>();
  private final Map<String, String> teamOfRep = new HashMap<>();
  private Lead[] leads;

  /** One thread's view of the ledger, so the threads do not contend on a shared map. */
  @State(Scope.Thread)
  public static class Ledger {
    final Map<String, int[]> assignedByRep = new HashMap<>();
    int next;

    @Setup(Level.Trial)
    public void start() {
      next = new Random().nextInt(1_000);
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws RulebookRejectedException {
    rulebook =
        Rulebook.compile(Path.of(System.getProperty("accord.rulebook.dir", "rules/rulebook")));
    KieServices kie = KieServices.Factory.get();
    KieFileSystem files = kie.newKieFileSystem();
    empty =
        kie.newKieContainer(kie.newKieBuilder(files).buildAll().getKieModule().getReleaseId())
            .getKieBase();
    // The rulebook's teams come first, so every lead finds its team among the ten.
    List<String> teams = new ArrayList<>(List.of("emea", "americas"));
    for (int t = teams.size(); t < TEAMS; t++) {
      teams.add("team-" + t);
    }
    for (String team : teams) {
      List<String> reps = new ArrayList<>();
      for (int r = 0; r < REPS_PER_TEAM; r++) {
        String rep = team + "-rep-" + r;
        reps.add(rep);
        teamOfRep.put(rep, team);
      }
      repsByTeam.put(team, reps);
    }
    List<String> allReps = new ArrayList<>(teamOfRep.keySet());
    Random random = new Random(7);
    for (int a = 0; a < ACCOUNTS; a++) {
      String owner = allReps.get(random.nextInt(allReps.size()));
      ownerByDomain.put("account-" + a + ".com", owner);
      ownerByName.put(AccountNames.key("Account " + a + " GmbH").orElseThrow(), owner);
    }
    leads = new Lead[1_000];
    for (int i = 0; i < leads.length; i++) {
      // A third of the leads from a known account's domain, a tenth from one by name on free-mail.
      String email =
          i % 3 == 0
              ? "buyer" + i + "@account-" + random.nextInt(ACCOUNTS * 2) + ".com"
              : "person" + i + "@gmail.com";
      String company =
          i % 10 == 1 ? "ACCOUNT " + random.nextInt(ACCOUNTS) + " GmbH" : "Company " + i;
      leads[i] =
          new Lead(
              email,
              "First",
              "Last",
              company,
              TITLES.get(random.nextInt(TITLES.size())),
              5 + random.nextInt(5_000),
              COUNTRIES.get(random.nextInt(COUNTRIES.size())),
              null,
              i % 4 == 0 ? "webinar" : "website",
              ACTIONS.get(random.nextInt(ACTIONS.size())));
    }
  }

  @Benchmark
  public String baselineEmptySession(Ledger ledger) {
    Lead lead = leads[ledger.next++ % leads.length];
    KieSession session = empty.newKieSession();
    try {
      session.insert(lead);
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    return lead.getCountry();
  }

  /** The whole decision: score, grade, route and the SLA clocks to start; then the rep. */
  @Benchmark
  public String decideAndRoute(Ledger ledger) {
    Lead lead = leads[ledger.next++ % leads.length];
    return routed(ledger, lead, rulebook.decide(lead));
  }

  /** What the issue names the decision: score and route (no clocks set out); then the rep. */
  @Benchmark
  public String scoreAndRoute(Ledger ledger) {
    Lead lead = leads[ledger.next++ % leads.length];
    return routed(ledger, lead, rulebook.scoreAndRoute(lead));
  }

  private String routed(Ledger ledger, Lead lead, Decision decision) {
    Optional<String> owner =
        AccountNames.companyDomain(lead.getEmail())
            .map(ownerByDomain::get)
            .or(() -> AccountNames.key(lead.getCompany()).map(ownerByName::get));
    if (owner.isPresent()) {
      ledger
          .assignedByRep
          .computeIfAbsent(owner.get(), r -> new int[4])[decision.grade().ordinal()]++;
      return owner.get();
    }
    if (decision.team().isEmpty()) {
      return null;
    }
    int grade = decision.grade().ordinal();
    List<RepInLedger> reps = new ArrayList<>(REPS_PER_TEAM);
    for (String rep : repsByTeam.get(decision.team().get())) {
      int[] assigned = ledger.assignedByRep.computeIfAbsent(rep, r -> new int[4]);
      reps.add(
          new RepInLedger(rep, rep, true, null, rep.endsWith("-0") ? 2 : 1, assigned[grade], null));
    }
    RepInLedger chosen = FairRotation.order(reps).get(0);
    ledger.assignedByRep.get(chosen.repId())[grade]++;
    return chosen.repId();
  }
}
