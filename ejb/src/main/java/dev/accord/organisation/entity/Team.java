package dev.accord.organisation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
}
