package fr.raccroche.security.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a successful sign-in with a password, replaces a hash of an older algorithm (Camunda's
 * {@code {SHA-512}} of before) by bcrypt: the only moment the application holds the clear password.
 * The password itself is unchanged, so the policy is not applied to it again (a user is never
 * locked out by the upgrade). Not in a transaction of the caller: the engine's own command.
 */
@Component
class PasswordUpgrade {
  private static final Logger log = LoggerFactory.getLogger(PasswordUpgrade.class);
  private static final String CURRENT = "{" + BcryptPasswordEncryptor.ALGORITHM + "}";

  private final IdentityService identity;

  PasswordUpgrade(IdentityService identity) {
    this.identity = identity;
  }

  void afterSuccessfulSignIn(String userId, String password) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null || user.getPassword() == null || user.getPassword().startsWith(CURRENT)) {
      return;
    }
    user.setPassword(password);
    try {
      ((IdentityServiceImpl) identity).saveUser(user, true);
      log.info("Password hash of user id {} upgraded to {}", userId, CURRENT);
    } catch (OptimisticLockingException concurrent) {
      // Another sign-in of the same user upgraded it at the same moment: nothing to do.
      log.debug("Password hash of user id {} upgraded concurrently", userId);
    }
  }
}
