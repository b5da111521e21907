package dev.accord.organisation.entity;

import dev.accord.rules.routing.FairRotation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.ZoneId;

/** A sales team that owns a territory and shares its leads among its reps in rotation. */
@Entity
public class Team {

  @Id private String id;

  private String name;

  @Column(name = "time_zone")
  private String timeZone;

  @Column(name = "manager_name")
  private String managerName;

  @Column(name = "manager_email")
  private String managerEmail;

  /** The business calendar (of the rulebook) its reps work by, unless a rep has their own. */
  @Column(name = "working_hours")
  private String workingHours;

  @Column(name = "catch_up")
  @Enumerated(EnumType.STRING)
  private CatchUp catchUp = CatchUp.FULL;

  /** With {@link CatchUp#CAPPED}: how many leads a returning rep may receive ahead of the team. */
  @Column(name = "catch_up_limit")
  private Integer catchUpLimit;

  /** How a rep back from an absence catches up with the rest of the team in the fairness ledger. */
  public enum CatchUp {
    /** The next leads go to them until they are level with the team. */
    FULL,
    /** At most the team's limit of leads beyond their share, then the normal rotation. */
    CAPPED,
    /** They rejoin level with the team. */
    NONE
  }

  protected Team() {}

  public Team(String id, String name, ZoneId timeZone) {
    this.id = id;
    this.name = name;
    this.timeZone = timeZone.getId();
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }

  /** The team's manager, who receives a clock's later warnings; null if none is set. */
  public String getManagerName() {
    return managerName;
  }

  public String getManagerEmail() {
    return managerEmail;
  }

  /** The name of the business calendar the team works by; null if the team sets none. */
  public String getWorkingHours() {
    return workingHours;
  }

  public CatchUp getCatchUp() {
    return catchUp;
  }

  public Integer getCatchUpLimit() {
    return catchUpLimit;
  }

  /** The team's catch-up policy as the fair rotation applies it. */
  public FairRotation.CatchUp catchUpPolicy() {
    return new FairRotation.CatchUp(
        FairRotation.CatchUp.Kind.valueOf(catchUp.name()), catchUpLimit == null ? 0 : catchUpLimit);
  }

  /** Changes what the team is called, where and when it works, who manages it and its catch-up. */
  public void describe(
      String name,
      ZoneId timeZone,
      String managerName,
      String managerEmail,
      String workingHours,
      CatchUp catchUp,
      Integer catchUpLimit) {
    this.name = name;
    this.timeZone = timeZone.getId();
    this.managerName = managerName;
    this.managerEmail = managerEmail;
    this.workingHours = workingHours;
    this.catchUp = catchUp;
    this.catchUpLimit = catchUp == CatchUp.CAPPED ? catchUpLimit : null;
  }
}
