package fr.raccroche.security.internal;

import fr.raccroche.security.Roles;
import fr.raccroche.security.SignInOptions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three chains and one sign-in (issue 23). {@code engine-rest} keeps its own stateless HTTP Basic.
 * The Camunda web apps have no login of their own: Spring Security signs people in (the app's login
 * page, or ProConnect) and Camunda's {@code ContainerBasedAuthenticationFilter} takes the signed-in
 * user from it ({@link WebappsSignIn}), so that the app's pages and Tasklist, Cockpit and Admin
 * share one session and one sign-out; the web apps keep their own CSRF protection. Everything else
 * needs a signed-in user: pages by form login with CSRF, {@code /api/**} by HTTP Basic or the page
 * session (CSRF then applies too). Only the login page, static assets, the health endpoint and the
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

  /** The web apps' sign-out (their "Déconnexion" menu), which signs out of everything. */
  static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

  @Bean
  @Order(1)
  SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
    // engine-rest is stateless HTTP Basic, checked by Camunda's own filter; no session.
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(session -> session.disable())
        .headers(
            headers ->
                headers
                    .httpStrictTransportSecurity(SecurityConfiguration::hsts)
                    .frameOptions(frame -> frame.sameOrigin())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  private final SignInOptions signIn;
  private final ClientRegistrationRepository proConnect;
  private final ProConnectUserService proConnectUsers;
  private final SignOutTargets signOut;
  private final String proConnectOrigin;

  SecurityConfiguration(
      SignInOptions signIn,
      ObjectProvider<ClientRegistrationRepository> proConnect,
      ObjectProvider<ProConnectUserService> proConnectUsers,
      @Value("${raccroche.security.proconnect.issuer-uri:}") String issuerUri) {
    this.signIn = signIn;
    this.proConnect = proConnect.getIfAvailable();
    this.proConnectUsers = proConnectUsers.getIfAvailable();
    this.signOut = new SignOutTargets(this.proConnect);
    this.proConnectOrigin = origin(issuerUri);
  }

  /** scheme://host[:port] of the provider: its logout follows the sign-out form (form-action). */
  static String origin(String uri) {
    if (uri == null || uri.isBlank()) {
      return "";
    }
    java.net.URI parsed = java.net.URI.create(uri.strip());
    return parsed.getScheme()
        + "://"
        + parsed.getHost()
        + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
  }

  @Bean
  @Order(2)
  SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
    // Path matchers, not MVC matchers: these paths are served by Camunda's own servlets.
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    RequestMatcher webappApi = paths.matcher("/camunda/api/**");
    http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher("/camunda/**"), paths.matcher("/camunda-welcome/**")))
        // Signed in with the app's session, or sent to the app's login page (and back here after).
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .addFilterBefore(new ClosedWebappPaths(), AuthorizationFilter.class)
        // The web apps have their own CSRF protection (X-XSRF-TOKEN), checked by Camunda.
        .csrf(csrf -> csrf.disable())
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(
                        request ->
                            paths.matcher(HttpMethod.POST, WEBAPP_LOGOUT).matches(request)
                                && WebappsSignIn.carriesTheWebappsCsrfToken(request))
                    .logoutSuccessHandler(
                        (request, response, authentication) ->
                            WebappsSignIn.signedOut(
                                response,
                                signOut.providerLogout(request, response, authentication))))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(
                        new JsonAuthenticationEntryPoint(), webappApi)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
        .headers(
            headers ->
                headers
                    .httpStrictTransportSecurity(SecurityConfiguration::hsts)
                    .frameOptions(frame -> frame.sameOrigin())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
    // Machine-facing paths answer JSON 401/403 instead of sending to the login page.
    RequestMatcher api =
        request -> {
          String path = request.getRequestURI().substring(request.getContextPath().length());
          return path.startsWith("/api/")
              || path.startsWith("/actuator/")
              || path.startsWith("/v3/api-docs");
        };
    // Passwords: the one AuthenticationProvider bean (CamundaIdentityAuthenticationProvider),
    // which Spring Security makes the global one; ProConnect adds its own below.
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        // The État's design system (fonts, icons, styles, scripts), vendored.
                        "/dsfr/**",
                        // The footer's pages: the accessibility statement, legal notice,
                        // personal data, site map (portal's PublicPagesController).
                        "/accessibilite",
                        "/mentions-legales",
                        "/donnees-personnelles",
                        "/plan-du-site",
                        "/img/**",
                        "/favicon.ico",
                        "/error",
                        "/actuator/health",
                        ProConnectPages.UNKNOWN_ACCOUNT_PAGE)
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
        // A new session at each sign-in, without what the session held before (the web apps'
        // signed-in user among it): only Spring Security's own attributes (the page asked for
        // before the sign-in) are carried over.
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signOut.forPages()))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(new JsonAuthenticationEntryPoint(), api)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                    .defaultAccessDeniedHandlerFor(new JsonAccessDeniedHandler(), api)
                    // Pages: the French error page (with one mapping only, Spring Security would
                    // answer every refusal with the JSON one).
                    .defaultAccessDeniedHandlerFor(
                        new org.springframework.security.web.access.AccessDeniedHandlerImpl(),
                        AnyRequestMatcher.INSTANCE))
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
                    .httpStrictTransportSecurity(SecurityConfiguration::hsts)
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                proConnectOrigin.isEmpty()
                                    ? CONTENT_SECURITY_POLICY
                                    : CONTENT_SECURITY_POLICY.replace(
                                        "form-action 'self'",
                                        "form-action 'self' " + proConnectOrigin)))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    // ProConnect, when configured (docs/security.md S30).
    if (proConnect != null) {
      http.oauth2Login(
          oauth2 ->
              oauth2
                  .clientRegistrationRepository(proConnect)
                  .loginPage("/login")
                  .userInfoEndpoint(userInfo -> userInfo.oidcUserService(proConnectUsers))
                  .defaultSuccessUrl("/", false)
                  .failureHandler(ProConnectPages::signInFailed));
    }
    // Local passwords (the login form) unless switched off: then no form sign-in at all, the login
    // page shows ProConnect only. HTTP Basic stays for API clients (technical accounts: monitoring,
    // integrations).
    if (signIn.localPasswords()) {
      http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll());
    }
    return http.build();
  }

  /**
   * {@code Strict-Transport-Security: max-age=31536000 ; includeSubDomains} on every answer to a
   * secure request (HTTPS, or forwarded as HTTPS by the proxy: {@code server.forward-headers-
   * strategy}); never over plain HTTP, where a browser ignores it (docs/security.md S15).
   */
  private static void hsts(HeadersConfigurer<HttpSecurity>.HstsConfig hsts) {
    hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000);
  }

  static boolean hasBasicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }
}
