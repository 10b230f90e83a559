package fr.raccroche.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which Camunda user a ProConnect identity is (docs/security.md S30): the user linked to its
 * subject ({@code sub}) at an earlier sign-in, else the one user an administrator created with the
 * same e-mail address, linked then. No account is ever created here (no self sign-up).
 */
@Component
class ProConnectAccounts {
  private final JdbcTemplate jdbc;
  private final IdentityService identity;

  ProConnectAccounts(JdbcTemplate jdbc, IdentityService identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  /** The Camunda user id for this subject and e-mail, linking it on the first sign-in. */
  @Transactional
  Optional<String> userFor(String subject, String email) {
    List<String> linked =
        jdbc.queryForList(
            "select user_id from proconnect_account where subject = ?", String.class, subject);
    if (!linked.isEmpty()) {
      String userId = linked.get(0);
      return identity.createUserQuery().userId(userId).count() == 1
          ? Optional.of(userId)
          : Optional.empty();
    }
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    List<User> users = identity.createUserQuery().userEmail(email.strip()).list();
    if (users.isEmpty()) {
      users = identity.createUserQuery().userEmail(email.strip().toLowerCase(Locale.ROOT)).list();
    }
    if (users.size() != 1) {
      return Optional.empty();
    }
    String userId = users.get(0).getId();
    jdbc.update(
        "insert into proconnect_account (subject, user_id, linked_at) values (?, ?, ?)",
        subject,
        userId,
        Timestamp.from(Instant.now()));
    return Optional.of(userId);
  }
}
