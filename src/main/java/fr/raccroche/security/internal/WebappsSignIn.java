package fr.raccroche.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One sign-in for the app's pages and the Camunda web apps (issue 23; Camunda's documented recipe
 * for Spring Security in 7.x): Camunda's {@link ContainerBasedAuthenticationFilter}, right after
 * Spring Security's filters, puts the user Spring Security signed in into the web apps' session
 * ({@link SpringSecurityWebappAuthentication}), with the groups and application rights Camunda
 * reads from its identity service. The web apps' own login is closed ({@link ClosedWebappPaths});
 * their sign-out signs out of the whole application.
 */
@Configuration
class WebappsSignIn {
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> containerBasedAuthenticationFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("raccroche-webapps-sign-in");
    registration.setInitParameters(
        Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            SpringSecurityWebappAuthentication.class.getName()));
    // After Spring Security (which knows who signed in), before Camunda's own web app filters.
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    return registration;
  }

  /**
   * The web apps' sign-out carries the web apps' CSRF token (header {@code X-XSRF-TOKEN}, the value
   * Camunda keeps in the session): a sign-out request from elsewhere is left to Camunda, which
   * refuses it.
   */
  static boolean carriesTheWebappsCsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    Object expected =
        session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return header != null
        && expected instanceof String token
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The web apps' sign-out answer: 200 and JSON, as the web app expects; {@code redirect} is where
   * the browser goes next (raccroche-sign-in.js): the provider's logout after a ProConnect sign-in,
   * else nothing (the app's login page).
   */
  static void signedOut(HttpServletResponse response, String providerLogout) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            providerLogout == null
                ? "{}"
                : "{\"redirect\":" + JSON.writeValueAsString(providerLogout) + "}");
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
}
