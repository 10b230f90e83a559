package fr.raccroche.security.internal;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Passwords in the engine (docs/security.md S27): new and changed passwords are stored with bcrypt
 * ({@link BcryptPasswordEncryptor}); the hashes Camunda wrote before ({@code {SHA-512}}, and the
 * older {@code {SHA}}) still verify, and the sign-in replaces them ({@link PasswordUpgrade}).
 * Camunda's password policy is on ({@code enablePasswordPolicy}): at least 10 characters with a
 * lower-case and an upper-case letter, a digit and a special character, and none of the user's id
 * or names.
 */
@Component
class PasswordEnginePlugin extends AbstractProcessEnginePlugin {
  private final int bcryptCost;

  PasswordEnginePlugin(@Value("${raccroche.security.bcrypt-cost:10}") int bcryptCost) {
    this.bcryptCost = bcryptCost;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(new BcryptPasswordEncryptor(bcryptCost));
    // Camunda's PasswordManager always keeps its own checkers of {SHA-512} and {SHA} hashes next to
    // the encryptor: nothing to add for the older hashes.
    configuration.setCustomPasswordChecker(List.of());
    configuration.setEnablePasswordPolicy(true);
  }
}
