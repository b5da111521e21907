package dev.accord.rules.lead;

import java.util.Objects;

/**
 * A person who showed interest, as the rules see them: every channel's data normalised into one
 * immutable JavaBean, because Drools constraints read JavaBean getters.
 *
 * <p>Country is an ISO 3166 alpha-2 code in upper case; source and action are lower-case words
 * (e.g. {@code "webinar"}, {@code "demo"}). Normalising is the intake's job, so rules can compare
 * values exactly. Only email and country are required.
 */
public final class Lead {

  private final String email;
  private final String firstName;
  private final String lastName;
  private final String company;
  private final String title;
  private final Integer employees;
  private final String country;
  private final String phone;
  private final String source;
  private final String action;

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
    this.email = Objects.requireNonNull(email, "email");
    this.firstName = firstName;
    this.lastName = lastName;
    this.company = company;
    this.title = title;
    this.employees = employees;
    this.country = Objects.requireNonNull(country, "country");
    this.phone = phone;
    this.source = source;
    this.action = action;
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
        && Objects.equals(action, other.action);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        email, firstName, lastName, company, title, employees, country, phone, source, action);
  }

  @Override
  public String toString() {
    return "Lead[email=%s, firstName=%s, lastName=%s, company=%s, title=%s, employees=%s, country=%s, phone=%s, source=%s, action=%s]"
        .formatted(
            email, firstName, lastName, company, title, employees, country, phone, source, action);
  }
}
