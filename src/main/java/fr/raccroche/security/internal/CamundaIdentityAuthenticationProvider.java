package fr.raccroche.security.internal;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Signs users in against Camunda's identity service, so that the app, the web apps and {@code
 * engine-rest} share one user store. Authorities: {@code GROUP_<group>} for each Camunda group and
 * {@code ROLE_<role>} for the role it gives. The engine throttles repeated failures itself. A hash
 * of an older algorithm is replaced by bcrypt at the sign-in ({@link PasswordUpgrade}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {
  private static final Logger log =
      LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);

  private final IdentityService identity;
  private final PasswordUpgrade upgrade;

  CamundaIdentityAuthenticationProvider(IdentityService identity, PasswordUpgrade upgrade) {
    this.identity = identity;
    this.upgrade = upgrade;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("Identifiant ou mot de passe incorrect.");
    }
    if (!identity.checkPassword(userId, credentials.toString())) {
      // The user id is not personal data of a young person; the password is never logged.
      log.info("Sign-in refused for user id {}", userId);
      throw new BadCredentialsException("Identifiant ou mot de passe incorrect.");
    }
    upgrade.afterSuccessfulSignIn(userId, credentials.toString());
    return UsernamePasswordAuthenticationToken.authenticated(
        userId, null, CamundaAuthorities.of(identity, userId));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
