package fr.raccroche.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * Where a sign-out leads: the app's login page ({@code /login?logout}); after a ProConnect sign-in,
 * first the provider's {@code end_session_endpoint} (RP-initiated logout, with the ID token as
 * hint), which brings the person back there — signed out of ProConnect too (docs/security.md S30).
 */
final class SignOutTargets {
  static final String SIGNED_OUT = "/login?logout";

  private final ExposedOidcLogout oidc;

  SignOutTargets(ClientRegistrationRepository registrations) {
    if (registrations == null) {
      oidc = null;
    } else {
      oidc = new ExposedOidcLogout(registrations);
      oidc.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
      oidc.setDefaultTargetUrl(SIGNED_OUT);
    }
  }

  /** The app's {@code /logout}. */
  LogoutSuccessHandler forPages() {
    if (oidc != null) {
      return oidc;
    }
    SimpleUrlLogoutSuccessHandler plain = new SimpleUrlLogoutSuccessHandler();
    plain.setDefaultTargetUrl(SIGNED_OUT);
    return plain;
  }

  /** For the web apps' sign-out: the provider's logout address, or null for a local sign-in. */
  String providerLogout(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (oidc == null || !(authentication instanceof OAuth2AuthenticationToken)) {
      return null;
    }
    String target = oidc.targetUrl(request, response, authentication);
    return target == null || target.equals(SIGNED_OUT) ? null : target;
  }

  private static final class ExposedOidcLogout extends OidcClientInitiatedLogoutSuccessHandler {
    ExposedOidcLogout(ClientRegistrationRepository registrations) {
      super(registrations);
    }

    String targetUrl(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
      return determineTargetUrl(request, response, authentication);
    }
  }
}
