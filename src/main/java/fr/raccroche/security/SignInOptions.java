package fr.raccroche.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How people sign in (docs/security.md S29, S30): with ProConnect when {@code
 * raccroche.security.proconnect.issuer-uri} is set, with a local password unless {@code
 * raccroche.security.local-passwords=false} (the demo keeps them). The login page shows what is on.
 */
@Component
public class SignInOptions {
  private final boolean proConnect;
  private final boolean localPasswords;

  SignInOptions(
      @Value("${raccroche.security.proconnect.issuer-uri:}") String issuerUri,
      @Value("${raccroche.security.local-passwords:true}") boolean localPasswords) {
    this.proConnect = !issuerUri.isBlank();
    this.localPasswords = localPasswords;
    if (!proConnect && !localPasswords) {
      throw new IllegalStateException(
          "raccroche.security.local-passwords=false needs ProConnect"
              + " (raccroche.security.proconnect.issuer-uri): nobody could sign in");
    }
  }

  /** Whether the login page offers "S'identifier avec ProConnect". */
  public boolean proConnect() {
    return proConnect;
  }

  /** Whether people may sign in with a local password (the login form). */
  public boolean localPasswords() {
    return localPasswords;
  }
}
