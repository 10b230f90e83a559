package fr.raccroche.security;

import java.util.List;

/** A person who signs in: Camunda user id, names, e-mail, initial password and groups. */
public record UserAccount(
    String id,
    String firstName,
    String lastName,
    String email,
    String password,
    List<String> groups) {
  public UserAccount {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  @Override
  public String toString() {
    // Never print the password.
    return "UserAccount[id=" + id + ", groups=" + groups + "]";
  }
}
