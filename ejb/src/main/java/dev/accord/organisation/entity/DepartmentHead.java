package dev.accord.organisation.entity;

import dev.accord.rules.sla.Side;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The head of Sales or of Marketing: the people every breach of the agreement escalates to. */
@Entity
@Table(name = "department_head")
public class DepartmentHead {

  @Id
  @Enumerated(EnumType.STRING)
  private Side side;

  private String name;

  private String email;

  protected DepartmentHead() {}

  public DepartmentHead(Side side, String name, String email) {
    this.side = side;
    this.name = name;
    this.email = email;
  }

  /** Names the person now in the role; the next escalation goes to them. */
  public void change(String name, String email) {
    this.name = name;
    this.email = email;
  }

  public Side getSide() {
    return side;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }
}
