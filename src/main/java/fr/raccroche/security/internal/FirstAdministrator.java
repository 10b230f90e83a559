package fr.raccroche.security.internal;

import fr.raccroche.security.Roles;
import fr.raccroche.security.UserAccount;
import fr.raccroche.security.UserAccountService;
import fr.raccroche.shared.ClusterLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator, from configuration rather than Camunda's open setup page (which never
 * answers: docs/security.md S28): {@code raccroche.security.first-admin.id} and its secret, from
 * {@code raccroche.security.first-admin.password-file} (a mounted secret file, its content without
 * the final line break) or {@code raccroche.security.first-admin.password} (an environment
 * variable). Created at the start when missing, with the password policy applied (a weak secret
 * stops the start with the reason); an existing account keeps its password (changed since, in
 * Admin) and is only put back in {@code camunda-admin}. Without an id, nothing is done.
 */
@Component
@Order(1)
class FirstAdministrator implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final UserAccountService accounts;
  private final IdentityService identity;
  private final ClusterLock clusterLock;
  private final String id;
  private final String email;
  private final String password;
  private final String passwordFile;

  FirstAdministrator(
      UserAccountService accounts,
      IdentityService identity,
      ClusterLock clusterLock,
      @Value("${raccroche.security.first-admin.id:}") String id,
      @Value("${raccroche.security.first-admin.email:}") String email,
      @Value("${raccroche.security.first-admin.password:}") String password,
      @Value("${raccroche.security.first-admin.password-file:}") String passwordFile) {
    this.accounts = accounts;
    this.identity = identity;
    this.clusterLock = clusterLock;
    this.id = id.strip();
    this.email = email.strip();
    this.password = password;
    this.passwordFile = passwordFile.strip();
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (id.isEmpty()) {
      return;
    }
    clusterLock.lockForTransaction(ClusterLock.STARTUP);
    if (identity.createUserQuery().userId(id).count() > 0) {
      accounts.ensureUser(new UserAccount(id, null, null, null, null, List.of(Roles.ADMIN_GROUP)));
      return;
    }
    String secret = secret();
    if (!identity.checkPasswordAgainstPolicy(secret).isValid()) {
      throw new IllegalStateException(
          "raccroche.security.first-admin: the secret does not match the password policy (at least"
              + " 10 characters, a lower-case and an upper-case letter, a digit and a special"
              + " character)");
    }
    accounts.ensureUser(
        new UserAccount(
            id,
            "Administrateur",
            "initial",
            email.isEmpty() ? null : email,
            secret,
            List.of(Roles.ADMIN_GROUP)));
    log.info("First administrator {} created from configuration", id);
  }

  private String secret() {
    if (!passwordFile.isEmpty()) {
      try {
        String content = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8);
        return content.endsWith("\r\n")
            ? content.substring(0, content.length() - 2)
            : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
      } catch (IOException e) {
        throw new IllegalStateException(
            "raccroche.security.first-admin.password-file cannot be read: " + passwordFile, e);
      }
    }
    if (password.isEmpty()) {
      throw new IllegalStateException(
          "raccroche.security.first-admin.id is set but neither its password-file nor its password");
    }
    return password;
  }
}
