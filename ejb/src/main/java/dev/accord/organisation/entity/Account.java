package dev.accord.organisation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A known customer or prospect company, owned by one rep. */
@Entity
public class Account {

  @Id private String id;

  private String name;

  @Column(name = "name_key")
  private String nameKey;

  private String domain;

  @Column(name = "owner_rep_id")
  private String ownerRepId;

  protected Account() {}

  public Account(String id, String name, String nameKey, String domain, String ownerRepId) {
    this.id = id;
    change(name, nameKey, domain, ownerRepId);
  }

  public final void change(String name, String nameKey, String domain, String ownerRepId) {
    this.name = name;
    this.nameKey = nameKey;
    this.domain = domain;
    this.ownerRepId = ownerRepId;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getNameKey() {
    return nameKey;
  }

  public String getDomain() {
    return domain;
  }

  public String getOwnerRepId() {
    return ownerRepId;
  }
}
