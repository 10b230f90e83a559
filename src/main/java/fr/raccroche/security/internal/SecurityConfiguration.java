package fr.raccroche.security.internal;

import fr.raccroche.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two chains. The Camunda web apps and {@code engine-rest} keep their own authentication (login
 * page and CSRF of the web apps, HTTP Basic of {@code engine-rest}). Everything else needs a
 * signed-in user: pages by form login with CSRF, {@code /api/**} by HTTP Basic or the page session
 * (CSRF then applies too). Only the login page, static assets, the health endpoint and the
 * data·inclusion exports ({@code GET /api/data-inclusion/**}) are open; Swagger UI is for
 * administrators; the other Actuator endpoints (Prometheus metrics) need a supervisor, an
 * administrator or the monitoring group.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

  @Bean
  AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  @Bean
  @Order(1)
  SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
    // Path matchers, not MVC matchers: these paths are served by Camunda's own servlets.
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    // /camunda-welcome is the web apps' own welcome redirect: answering it from the app's chain
    // would create a second session that replaces the web app's freshly signed-in one.
    http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher("/camunda/**"),
                paths.matcher("/camunda-welcome/**"),
                paths.matcher("/engine-rest/**")))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .addFilterBefore(new ClosedWebappPaths(), AuthorizationFilter.class)
        // The web apps have their own CSRF protection; engine-rest is stateless HTTP Basic.
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(session -> session.disable())
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.sameOrigin())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain applicationChain(
      HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
    // Machine-facing paths answer JSON 401/403 instead of sending to the login page.
    RequestMatcher api =
        request -> {
          String path = request.getRequestURI().substring(request.getContextPath().length());
          return path.startsWith("/api/")
              || path.startsWith("/actuator/")
              || path.startsWith("/v3/api-docs");
        };
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/favicon.ico",
                        "/error",
                        "/actuator/health")
                    .permitAll()
                    .requestMatchers("/actuator/health/**")
                    .permitAll()
                    // What data·inclusion harvests: the partners and the published offers, with
                    // no personal data (docs/data-inclusion.md).
                    .requestMatchers(HttpMethod.GET, "/api/data-inclusion/**")
                    .permitAll()
                    // Messages: an e-mail's unsubscribe link (its token is the key) and the SMS
                    // provider's reply webhook (its secret token is checked by the controller).
                    .requestMatchers("/messages/unsubscribe/*")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/messages/sms-replies")
                    .permitAll()
                    // The API's description for every signed-in client; its Swagger UI for
                    // administrators.
                    .requestMatchers("/swagger-ui.html", "/swagger-ui/**")
                    .hasRole(Roles.ADMIN)
                    // Metrics and the rest of Actuator: supervisors, administrators and the
                    // monitoring group (a Prometheus scraper with no other right).
                    .requestMatchers("/actuator/**")
                    .hasAnyRole(Roles.ADMIN, Roles.SUPERVISOR, Roles.MONITORING)
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(new JsonAuthenticationEntryPoint()))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(new JsonAuthenticationEntryPoint(), api)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                    .defaultAccessDeniedHandlerFor(new JsonAccessDeniedHandler(), api))
        // API clients authenticating with HTTP Basic carry no session cookie: CSRF does not
        // apply to them. Browser sessions (pages and API calls from pages) need the token.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(SecurityConfiguration::hasBasicCredentials)
                    // Called by a mail client (RFC 8058 one-click) and by the SMS provider: no
                    // session, the token in the URL is the credential.
                    .ignoringRequestMatchers(
                        "/messages/unsubscribe/*", "/api/messages/sms-replies"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  static boolean hasBasicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }
}
