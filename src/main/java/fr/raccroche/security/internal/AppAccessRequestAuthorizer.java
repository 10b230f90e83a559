package fr.raccroche.security.internal;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.Authorization;
import org.camunda.bpm.webapp.impl.security.filter.RequestAuthorizer;

/**
 * For the web apps' plugin APIs ({@code raccroche-securityFilterRules.json}): the caller must be
 * signed in to the engine (401 otherwise) and have the right to the app the plugin belongs to (403
 * otherwise). Camunda's own rules only ask for the first, so a coordinator could call Cockpit's
 * statistics without the right to Cockpit. Instantiated by the web apps' security filter.
 */
public class AppAccessRequestAuthorizer implements RequestAuthorizer {
  @Override
  public Authorization authorize(Map<String, String> parameters) {
    Authentications authentications = Authentications.getCurrent();
    Authentication authentication =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine(parameters.get("engine"));
    if (!(authentication instanceof UserAuthentication user)) {
      return Authorization.denied(Authentication.ANONYMOUS);
    }
    String app = parameters.get("app");
    return user.isAuthorizedForApp(app)
        ? Authorization.granted(user).forApplication(app)
        : Authorization.denied(user).forApplication(app);
  }
}
