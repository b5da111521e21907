package dev.accord.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who received how many leads of which grade in the current period, per team: what the fair
 * rotation goes by. A period is a calendar month in UTC; past periods are kept.
 */
@ApplicationScoped
public class FairnessLedger {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** The current period, e.g. {@code 2026-11}. */
  public String period() {
    return YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
  }

  /**
   * Where a rep stands in the ledger for a grade: the leads counted for them, {@code credited} of
   * which they did not receive but were forgiven by the team's catch-up policy when they came back.
   */
  public record Standing(int counted, int credited) {}

  /** Leads of the grade counted per rep of the team in the period (credits included), afresh. */
  public Map<String, Integer> assigned(String teamId, String period, String grade) {
    Map<String, Integer> assigned = new HashMap<>();
    standings(teamId, period, grade)
        .forEach((rep, standing) -> assigned.put(rep, standing.counted()));
    return assigned;
  }

  /** Each rep's standing for the grade in the team's ledger of the period, read afresh. */
  public Map<String, Standing> standings(String teamId, String period, String grade) {
    Map<String, Standing> standings = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select rep_id, assigned, credited from routing_ledger"
                    + " where team_id = ?1 and period = ?2 and grade = ?3")
            .setParameter(1, teamId)
            .setParameter(2, period)
            .setParameter(3, grade)
            .getResultList()) {
      Object[] columns = (Object[]) row;
      int credited = ((Number) columns[2]).intValue();
      standings.put(
          (String) columns[0], new Standing(((Number) columns[1]).intValue() + credited, credited));
    }
    return standings;
  }

  /**
   * Counts leads the rep did not receive as received: what the team's catch-up policy forgives a
   * rep back from an absence. The caller holds the rep ({@link RepClaims}).
   */
  public void credit(String teamId, String period, String grade, String repId, int leads) {
    int updated =
        em.createNativeQuery(
                "update routing_ledger set credited = credited + ?5"
                    + " where team_id = ?1 and period = ?2 and grade = ?3 and rep_id = ?4")
            .setParameter(1, teamId)
            .setParameter(2, period)
            .setParameter(3, grade)
            .setParameter(4, repId)
            .setParameter(5, leads)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "insert into routing_ledger (team_id, period, grade, rep_id, assigned, credited)"
                  + " values (?1, ?2, ?3, ?4, 0, ?5)")
          .setParameter(1, teamId)
          .setParameter(2, period)
          .setParameter(3, grade)
          .setParameter(4, repId)
          .setParameter(5, leads)
          .executeUpdate();
    }
  }

  /**
   * Counts one more lead for the rep. The caller holds the rep ({@link RepClaims}), so nobody else
   * counts for them at the same time.
   */
  public void count(String teamId, String period, String grade, String repId) {
    int updated =
        em.createNativeQuery(
                "update routing_ledger set assigned = assigned + 1"
                    + " where team_id = ?1 and period = ?2 and grade = ?3 and rep_id = ?4")
            .setParameter(1, teamId)
            .setParameter(2, period)
            .setParameter(3, grade)
            .setParameter(4, repId)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "insert into routing_ledger (team_id, period, grade, rep_id, assigned)"
                  + " values (?1, ?2, ?3, ?4, 1)")
          .setParameter(1, teamId)
          .setParameter(2, period)
          .setParameter(3, grade)
          .setParameter(4, repId)
          .executeUpdate();
    }
  }

  /**
   * One rep's line of the ledger: leads of the grade received, and leads credited by the team's
   * catch-up policy; the rotation goes by their sum.
   */
  public record Line(String grade, String repId, int assigned, int credited) {}

  /** The team's ledger for a period, by grade and rep. */
  public List<Line> of(String teamId, String period) {
    return ((List<?>)
            em.createNativeQuery(
                    "select grade, rep_id, assigned, credited from routing_ledger"
                        + " where team_id = ?1 and period = ?2 order by grade, rep_id")
                .setParameter(1, teamId)
                .setParameter(2, period)
                .getResultList())
        .stream()
            .map(
                row -> {
                  Object[] c = (Object[]) row;
                  // Hibernate reads a varchar(1) as a Character.
                  return new Line(
                      String.valueOf(c[0]),
                      String.valueOf(c[1]),
                      ((Number) c[2]).intValue(),
                      ((Number) c[3]).intValue());
                })
            .toList();
  }

  /** Records when the rep last received a lead (micro-seconds since the epoch). */
  public void lastAssignment(String repId) {
    java.time.Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    em.createNativeQuery("update rep set last_assignment = ?1 where id = ?2")
        .setParameter(1, micros)
        .setParameter(2, repId)
        .executeUpdate();
  }
}
