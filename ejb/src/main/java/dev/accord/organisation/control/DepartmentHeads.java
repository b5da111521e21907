package dev.accord.organisation.control;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import dev.accord.organisation.entity.DepartmentHead;
import dev.accord.platform.database.DatabaseSchema;
import dev.accord.rules.sla.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The heads of Sales and of Marketing, the two people every breach of the joint agreement escalates
 * to, as data: named through the API or loaded from CSV ({@code side,name,email}). The next
 * escalation goes to whoever is named now.
 */
@ApplicationScoped
@Transactional
public class DepartmentHeads {

  /** The columns of a load. */
  public static final List<String> COLUMNS = List.of("side", "name", "email");

  @PersistenceContext EntityManager em;

  @Inject DatabaseSchema schema;

  /** A head as the API shows them; the side in lower case, as in the URL. */
  public record HeadView(String side, String name, String email) {

    static HeadView of(DepartmentHead head) {
      return new HeadView(
          head.getSide().name().toLowerCase(Locale.ROOT), head.getName(), head.getEmail());
    }
  }

  /** A head as a PUT left them, and whether nobody held the role before. */
  public record Kept(boolean created, HeadView head) {}

  /** The side a URL or a row names ({@code sales}, {@code MARKETING}); empty if neither. */
  public static Optional<Side> side(String name) {
    for (Side side : Side.values()) {
      if (side.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return Optional.of(side);
      }
    }
    return Optional.empty();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<HeadView> all() {
    schema.awaitMigration();
    // Sales first, as the agreement names the sides; the column sorts them by name.
    return em
        .createQuery("select h from DepartmentHead h", DepartmentHead.class)
        .getResultList()
        .stream()
        .sorted(java.util.Comparator.comparing(DepartmentHead::getSide))
        .map(HeadView::of)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<HeadView> find(Side side) {
    schema.awaitMigration();
    return Optional.ofNullable(em.find(DepartmentHead.class, side)).map(HeadView::of);
  }

  /**
   * Names the head of one side.
   *
   * @throws InvalidOrganisationException naming each field at fault
   */
  public Kept put(Side side, String name, String email) {
    schema.awaitMigration();
    List<Problem> problems = new ArrayList<>();
    boolean created = em.find(DepartmentHead.class, side) == null;
    DepartmentHead head = keep(side, name, email, UnaryOperator.identity(), problems);
    InvalidOrganisationException.refuseIfAny(problems);
    em.flush();
    return new Kept(created, HeadView.of(head));
  }

  /**
   * Names the heads of the CSV, all or none.
   *
   * @return how many heads the file held
   * @throws InvalidOrganisationException naming each row and column at fault
   */
  public int importCsv(String csv) {
    schema.awaitMigration();
    List<CsvImport.Row> rows = CsvImport.read(csv, COLUMNS, Side.values().length, "heads");
    List<Problem> problems = new ArrayList<>();
    for (CsvImport.Row row : rows) {
      Optional<Side> side = side(row.get("side"));
      if (side.isEmpty()) {
        problems.add(new Problem(row.where() + "side", "must be SALES or MARKETING"));
        continue;
      }
      keep(side.get(), row.get("name"), row.get("email"), c -> row.where() + c, problems);
    }
    InvalidOrganisationException.refuseIfAny(problems);
    return rows.size();
  }

  private DepartmentHead keep(
      Side side, String name, String email, UnaryOperator<String> label, List<Problem> problems) {
    int before = problems.size();
    String cleanName =
        OrganisationValues.required(name, 100, "the head's name", label.apply("name"), problems);
    String cleanEmail = OrganisationValues.email(email, label.apply("email"), problems);
    if (email == null || email.isBlank()) {
      problems.add(new Problem(label.apply("email"), "is required: the address escalations go to"));
    }
    if (problems.size() > before) {
      return null;
    }
    DepartmentHead head = em.find(DepartmentHead.class, side);
    if (head == null) {
      head = new DepartmentHead(side, cleanName, cleanEmail);
      em.persist(head);
    } else {
      head.change(cleanName, cleanEmail);
    }
    return head;
  }
}
