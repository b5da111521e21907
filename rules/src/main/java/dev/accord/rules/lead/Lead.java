package dev.accord.rules.lead;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A person who showed interest, as the rules see them: every channel's data normalised into one
 * immutable JavaBean, because Drools constraints read JavaBean getters.
 *
 * <p>Country is an ISO 3166 alpha-2 code in upper case; source and action are lower-case words
 * (e.g. {@code "webinar"}, {@code "demo"}). Normalising is the intake's job, so rules can compare
 * values exactly. Only email and country are required.
 *
 * <p>{@code attributes} are the custom values a channel carried (lower-case names, text values):
 * rules read them as {@code Lead( attributes["plan"] == "enterprise" )}. {@code engagements} counts
 * how often this person has come in: 1 for a new lead, more when a later submission of the same
 * e-mail was merged into it.
 */
public final class Lead {

  // One per word list a rule names; rulebooks hold a handful.
  private static final int MAX_WORD_LISTS = 10_000;
  private static final Map<String, WordList> WORD_LISTS = new ConcurrentHashMap<>();

  private final String email;
  private final String firstName;
  private final String lastName;
  private final String company;
  private final String title;
  // The title in the case word lists are compared in, folded once for all the rules that look.
  private final String foldedTitle;
  private final Integer employees;
  private final String country;
  private final String phone;
  private final String source;
  private final String action;
  private final String industry;
  private final Map<String, String> attributes;
  private final int engagements;

  /** A first engagement without industry or attributes. */
  public Lead(
      String email,
      String firstName,
      String lastName,
      String company,
      String title,
      Integer employees,
      String country,
      String phone,
      String source,
      String action) {
    this(
        email, firstName, lastName, company, title, employees, country, phone, source, action, null,
        Map.of(), 1);
  }

  public Lead(
      String email,
      String firstName,
      String lastName,
      String company,
      String title,
      Integer employees,
      String country,
      String phone,
      String source,
      String action,
      String industry,
      Map<String, String> attributes,
      int engagements) {
    this.email = Objects.requireNonNull(email, "email");
    this.firstName = firstName;
    this.lastName = lastName;
    this.company = company;
    this.title = title;
    this.foldedTitle = title == null ? null : WordList.fold(title);
    this.employees = employees;
    this.country = Objects.requireNonNull(country, "country");
    this.phone = phone;
    this.source = source;
    this.action = action;
    this.industry = industry;
    this.attributes =
        attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    if (engagements < 1) {
      throw new IllegalArgumentException("engagements must be at least 1, was " + engagements);
    }
    this.engagements = engagements;
  }

  public String getEmail() {
    return email;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getCompany() {
    return company;
  }

  public String getTitle() {
    return title;
  }

  /**
   * Whether the title holds any of these words or phrases, separated by commas, as whole words and
   * ignoring case: {@code titleMentions("vp, vice president, head of")} matches "Head of IT" but
   * not "Overhead Manager". What a point table's title column writes.
   */
  public boolean titleMentions(String words) {
    return title != null && words != null && wordList(words).isIn(foldedTitle);
  }

  // Word lists come from rule files (the allow-list takes only literals); a cap keeps a long run
  // of reloads from growing the cache.
  private static WordList wordList(String words) {
    WordList found = WORD_LISTS.get(words);
    if (found != null) {
      return found;
    }
    if (WORD_LISTS.size() >= MAX_WORD_LISTS) {
      WORD_LISTS.clear();
    }
    return WORD_LISTS.computeIfAbsent(words, WordList::of);
  }

  public Integer getEmployees() {
    return employees;
  }

  public String getCountry() {
    return country;
  }

  public String getPhone() {
    return phone;
  }

  public String getSource() {
    return source;
  }

  public String getAction() {
    return action;
  }

  public String getIndustry() {
    return industry;
  }

  /** Custom values by lower-case name; a name the lead does not carry reads as null. */
  public Map<String, String> getAttributes() {
    return attributes;
  }

  public int getEngagements() {
    return engagements;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lead other
        && email.equals(other.email)
        && Objects.equals(firstName, other.firstName)
        && Objects.equals(lastName, other.lastName)
        && Objects.equals(company, other.company)
        && Objects.equals(title, other.title)
        && Objects.equals(employees, other.employees)
        && country.equals(other.country)
        && Objects.equals(phone, other.phone)
        && Objects.equals(source, other.source)
        && Objects.equals(action, other.action)
        && Objects.equals(industry, other.industry)
        && attributes.equals(other.attributes)
        && engagements == other.engagements;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        email,
        firstName,
        lastName,
        company,
        title,
        employees,
        country,
        phone,
        source,
        action,
        industry,
        attributes,
        engagements);
  }

  @Override
  public String toString() {
    // No e-mail, names or phone: this text reaches logs and exception messages.
    return "Lead[company=%s, title=%s, employees=%s, country=%s, source=%s, action=%s, industry=%s, attributes=%s, engagements=%d]"
        .formatted(
            company, title, employees, country, source, action, industry, attributes, engagements);
  }
}
