package fr.raccroche.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda's {@code ContainerBasedAuthenticationFilter} who signed in with Spring Security
 * (the app's login page, or ProConnect): the web apps then have no login of their own, and share
 * the app's session and sign-out (issue 23 "one sign-in"). The groups are left to Camunda, which
 * reads them from its identity service together with the user's rights to each web app. Created by
 * the filter itself (by class name): no Spring bean.
 */
public class SpringSecurityWebappAuthentication implements AuthenticationProvider {
  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken
        || authentication.getName() == null) {
      return AuthenticationResult.unsuccessful();
    }
    return AuthenticationResult.successful(authentication.getName());
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    // No challenge: Spring Security sends people to the app's login page before this point.
  }
}
