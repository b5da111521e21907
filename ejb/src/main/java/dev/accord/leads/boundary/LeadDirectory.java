package dev.accord.leads.boundary;

import dev.accord.leads.entity.Lead;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds leads with their whole decision receipt, for anyone asking why a lead went where it did.
 */
@Stateless
public class LeadDirectory {

  @PersistenceContext EntityManager em;

  public Optional<Lead> find(UUID id) {
    return Optional.ofNullable(em.find(Lead.class, id));
  }
}
