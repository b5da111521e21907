package dev.accord.organisation.entity;

import dev.accord.rules.lead.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * The most open leads of one grade a rep holds at once, beside their overall cap: a rep may take
 * any number of grade-D leads but only two grade-A ones.
 */
@Entity
@Table(name = "rep_grade_cap")
@IdClass(RepGradeCap.Key.class)
public class RepGradeCap {

  @Id
  @Column(name = "rep_id")
  private String repId;

  @Id
  @Enumerated(EnumType.STRING)
  private Grade grade;

  @Column(name = "max_open_leads")
  private int maxOpenLeads;

  /** A rep and a grade: the key of a cap. */
  public static class Key implements Serializable {

    private String repId;
    private Grade grade;

    protected Key() {}

    public Key(String repId, Grade grade) {
      this.repId = repId;
      this.grade = grade;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && java.util.Objects.equals(repId, key.repId)
          && grade == key.grade;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(repId, grade);
    }
  }

  protected RepGradeCap() {}

  public RepGradeCap(String repId, Grade grade, int maxOpenLeads) {
    this.repId = repId;
    this.grade = grade;
    this.maxOpenLeads = maxOpenLeads;
  }

  public String getRepId() {
    return repId;
  }

  public Grade getGrade() {
    return grade;
  }

  public int getMaxOpenLeads() {
    return maxOpenLeads;
  }

  public void setMaxOpenLeads(int maxOpenLeads) {
    this.maxOpenLeads = maxOpenLeads;
  }
}
