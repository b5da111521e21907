package dev.accord.organisation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.ZoneId;

/** A sales rep who receives leads from their team's rotation. */
@Entity
public class Rep {

  @Id private String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "team_id")
  private Team team;

  private String name;

  private String email;

  @Column(name = "time_zone")
  private String timeZone;

  private boolean available;

  private boolean active = true;

  @Column(name = "max_open_leads")
  private Integer maxOpenLeads;

  /**
   * The business calendar (of the rulebook) the rep works by, read in the rep's own time zone;
   * null: the team's.
   */
  @Column(name = "working_hours")
  private String workingHours;

  /** A rep of weight 2 receives twice the leads of a rep of weight 1. */
  private int weight = 1;

  /** When the rep last received a lead (micro-seconds since the epoch); null if never. */
  // Written only by the rotation (FairnessLedger.lastAssignment), never back from a loaded rep.
  @Column(name = "last_assignment", insertable = false, updatable = false)
  private Long lastAssignment;

  protected Rep() {}

  public Rep(String id, Team team, String name, String email, ZoneId timeZone) {
    this.id = id;
    this.team = team;
    this.name = name;
    this.email = email;
    this.timeZone = timeZone.getId();
    this.available = true;
  }

  public String getId() {
    return id;
  }

  public Team getTeam() {
    return team;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }

  public boolean isAvailable() {
    return available;
  }

  /** Whether the rep takes leads at all (an inactive rep has left the team or is on leave). */
  public boolean isActive() {
    return active;
  }

  /** The most open leads (routed or accepted) the rep holds at once; {@code null}: no cap. */
  public Integer getMaxOpenLeads() {
    return maxOpenLeads;
  }

  public int getWeight() {
    return weight;
  }

  /** Changes who the rep is and which team's rotation they are in; it holds for the next lead. */
  public void describe(Team team, String name, String email) {
    this.team = team;
    this.name = name;
    this.email = email;
  }

  /** Changes how the rep takes leads; it holds for the next lead routed. */
  public void setTaking(boolean active, boolean available, Integer maxOpenLeads, int weight) {
    this.active = active;
    this.available = available;
    this.maxOpenLeads = maxOpenLeads;
    this.weight = weight;
  }

  /** The rep's own business calendar; null if they work by the team's. */
  public String getWorkingHours() {
    return workingHours;
  }

  /** Where and by which calendar the rep works; it holds for the next lead routed. */
  public void setWorkingHours(ZoneId timeZone, String workingHours) {
    this.timeZone = timeZone.getId();
    this.workingHours = workingHours;
  }

  public Long getLastAssignment() {
    return lastAssignment;
  }
}
