package dev.accord.organisation.control;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import dev.accord.organisation.entity.Account;
import dev.accord.platform.database.DatabaseSchema;
import dev.accord.rules.routing.AccountNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Known accounts and their owners, as data: kept one by one or imported from CSV ({@code
 * id,name,domain,owner}), and matched against leads by e-mail domain, then by company name.
 */
@ApplicationScoped
@Transactional
public class Accounts {

  /** The columns of an import. */
  public static final List<String> COLUMNS = List.of("id", "name", "domain", "owner");

  /** No import holds more accounts than this. */
  public static final int MAX_IMPORT = 50_000;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,59}");
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  @PersistenceContext EntityManager em;

  @Inject DatabaseSchema schema;

  /** An account as the API shows it. */
  public record AccountView(String id, String name, String domain, String owner) {

    static AccountView of(Account account) {
      return new AccountView(
          account.getId(), account.getName(), account.getDomain(), account.getOwnerRepId());
    }
  }

  /** How a lead matched an account: by which of its values. */
  public record Match(Account account, String how) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AccountView> all() {
    schema.awaitMigration();
    return em
        .createQuery("select a from Account a order by a.id", Account.class)
        .getResultList()
        .stream()
        .map(AccountView::of)
        .toList();
  }

  /** Creates the account or replaces what is known of it. */
  public AccountView put(String id, String name, String domain, String owner) {
    schema.awaitMigration();
    List<Problem> problems = new ArrayList<>();
    Account kept = keep(id, name, domain, owner, "", problems, known());
    InvalidOrganisationException.refuseIfAny(problems);
    em.flush();
    return AccountView.of(kept);
  }

  /**
   * @return whether there was such an account
   */
  public boolean remove(String id) {
    schema.awaitMigration();
    Account account = em.find(Account.class, id);
    if (account == null) {
      return false;
    }
    em.remove(account);
    return true;
  }

  /**
   * Creates or replaces every account of the CSV, all or none.
   *
   * @return how many accounts the file held
   * @throws InvalidOrganisationException naming each row and field at fault
   */
  public int importCsv(String csv) {
    schema.awaitMigration();
    List<Problem> problems = new ArrayList<>();
    Known known = known();
    List<CsvImport.Row> rows = CsvImport.read(csv, COLUMNS, MAX_IMPORT, "accounts");
    for (CsvImport.Row row : rows) {
      keep(
          row.values().get("id"),
          row.values().get("name"),
          row.values().get("domain"),
          row.values().get("owner"),
          row.where(),
          problems,
          known);
    }
    InvalidOrganisationException.refuseIfAny(problems);
    return rows.size();
  }

  private Account keep(
      String id,
      String name,
      String domain,
      String owner,
      String where,
      List<Problem> problems,
      Known known) {
    int before = problems.size();
    String cleanId = id == null ? "" : id.strip();
    if (!ID.matcher(cleanId).matches()) {
      problems.add(
          new Problem(
              where + "id",
              "must be 1 to 60 lower-case letters, digits, '.', '_' or '-', starting with a"
                  + " letter or digit"));
    }
    Optional<String> key = AccountNames.key(name);
    if (name == null || name.isBlank() || name.length() > 200 || key.isEmpty()) {
      problems.add(
          new Problem(where + "name", "is required: the company's name, up to 200 characters"));
    }
    String cleanDomain = domain == null || domain.isBlank() ? null : AccountNames.domain(domain);
    if (cleanDomain != null && !DOMAIN.matcher(cleanDomain).matches()) {
      problems.add(
          new Problem(where + "domain", "'" + domain + "' is not a domain such as acme.com"));
    } else if (cleanDomain != null && AccountNames.companyDomain("x@" + cleanDomain).isEmpty()) {
      problems.add(
          new Problem(
              where + "domain",
              cleanDomain + " is a free-mail domain; it says nothing about the company"));
    } else if (cleanDomain != null) {
      String holder = known.accountByDomain().get(cleanDomain);
      if (holder != null && !holder.equals(cleanId)) {
        problems.add(
            new Problem(
                where + "domain", cleanDomain + " belongs to account '" + holder + "' already"));
      }
    }
    String cleanOwner = owner == null ? "" : owner.strip();
    if (!known.reps().contains(cleanOwner)) {
      problems.add(new Problem(where + "owner", "no rep has the id '" + cleanOwner + "'"));
    }
    if (problems.size() > before) {
      return null;
    }
    Account account = em.find(Account.class, cleanId);
    if (account == null) {
      account = new Account(cleanId, name.strip(), key.get(), cleanDomain, cleanOwner);
      em.persist(account);
    } else {
      known.accountByDomain().values().remove(cleanId);
      account.change(name.strip(), key.get(), cleanDomain, cleanOwner);
    }
    if (cleanDomain != null) {
      known.accountByDomain().put(cleanDomain, cleanId);
    }
    return account;
  }

  /**
   * The account a lead belongs to: by the domain of its e-mail address (or a parent domain, so
   * {@code eu.acme.com} is Acme's), unless anyone can sign up there; else by its company name.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Match> match(String email, String company) {
    Optional<String> domain = AccountNames.companyDomain(email);
    if (domain.isPresent()) {
      String candidate = domain.get();
      while (candidate.indexOf('.') > 0) {
        Optional<Account> byDomain = findByDomain(candidate);
        if (byDomain.isPresent()) {
          return Optional.of(
              new Match(byDomain.get(), "matched by the e-mail domain " + candidate));
        }
        candidate = candidate.substring(candidate.indexOf('.') + 1);
      }
    }
    Optional<String> key = AccountNames.key(company);
    if (key.isPresent()) {
      List<Account> byName =
          em.createQuery(
                  "select a from Account a where a.nameKey = :key order by a.id", Account.class)
              .setParameter("key", key.get())
              .setMaxResults(1)
              .getResultList();
      if (!byName.isEmpty()) {
        return Optional.of(
            new Match(byName.get(0), "matched by the company name '" + company.strip() + "'"));
      }
    }
    return Optional.empty();
  }

  /** What is known before an import: the accounts by domain, and the reps. */
  private record Known(Map<String, String> accountByDomain, java.util.Set<String> reps) {}

  // Read once per request, so an import of many rows asks the database once, not per row.
  private Known known() {
    Map<String, String> byDomain = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select a.domain, a.id from Account a where a.domain is not null", Object[].class)
            .getResultList()) {
      byDomain.put((String) row[0], (String) row[1]);
    }
    return new Known(
        byDomain,
        new java.util.HashSet<>(
            em.createQuery("select r.id from Rep r", String.class).getResultList()));
  }

  private Optional<Account> findByDomain(String domain) {
    return em
        .createQuery("select a from Account a where a.domain = :domain", Account.class)
        .setParameter("domain", domain)
        .getResultList()
        .stream()
        .findFirst();
  }
}
