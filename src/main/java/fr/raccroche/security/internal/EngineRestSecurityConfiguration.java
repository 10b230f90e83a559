package fr.raccroche.security.internal;

import fr.raccroche.security.EngineRestFilterOrder;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code engine-rest} authenticates every call with HTTP Basic against the engine's identity
 * service (only {@code GET /engine-rest/engine} stays open), so that the engine's authorization
 * checks apply to the caller.
 */
@Configuration
class EngineRestSecurityConfiguration {
  static final String ENGINE_REST_PATH = "/engine-rest";

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-auth");
    registration.addUrlPatterns(ENGINE_REST_PATH + "/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter("rest-url-pattern-prefix", ENGINE_REST_PATH);
    registration.setOrder(EngineRestFilterOrder.AUTHENTICATION);
    return registration;
  }

  /** After the authentication: refuses users whose groups give no Camunda role. */
  @Bean
  FilterRegistrationBean<Filter> engineRestRoleFilter(IdentityService identity) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new EngineRestRoleFilter(identity));
    registration.setName("raccroche-engine-rest-roles");
    registration.addUrlPatterns(ENGINE_REST_PATH + "/*");
    registration.setOrder(EngineRestFilterOrder.ROLE_CHECK);
    return registration;
  }
}
