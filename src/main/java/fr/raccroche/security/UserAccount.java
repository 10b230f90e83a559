package fr.raccroche.security;

import java.util.List;

/**
 * A person who signs in: Camunda user id, names, e-mail, initial password, groups, and the
 * département (Camunda tenant) they work in. Coordinators and caseworkers belong to their
 * perimeter's or partner's département through their group; for the others (supervisors,
 * prefecture) {@code departement} says which, and null means the deployment's default département —
 * except for the regional steering group, which belongs to none (docs/specification.md §1
 * "Départements").
 */
public record UserAccount(
    String id,
    String firstName,
    String lastName,
    String email,
    String password,
    List<String> groups,
    String departement) {
  public UserAccount {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** An account of the deployment's default département (or of its perimeter's or partner's). */
  public UserAccount(
      String id,
      String firstName,
      String lastName,
      String email,
      String password,
      List<String> groups) {
    this(id, firstName, lastName, email, password, groups, null);
  }

  @Override
  public String toString() {
    // Never print the password.
    return "UserAccount[id=" + id + ", groups=" + groups + ", departement=" + departement + "]";
  }
}
