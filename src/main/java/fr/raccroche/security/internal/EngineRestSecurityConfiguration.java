package fr.raccroche.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.security.EngineRestFilterOrder;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
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

  /**
   * The trust boundary of the engine API (allow-list per role, task forms' fields, French errors,
   * no-store), on engine-rest and on the web apps' engine API.
   */
  @Bean
  FilterRegistrationBean<Filter> engineApiGuard(
      IdentityService identity,
      TaskService tasks,
      HistoryService history,
      FormService forms,
      ObjectMapper json,
      @Value("${raccroche.security.rest-deployments:false}") boolean restDeployments) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(
            new EngineApiGuard(
                identity,
                tasks,
                history,
                new TaskFormFields(tasks, forms, json),
                json,
                restDeployments));
    registration.setName("raccroche-engine-api-guard");
    registration.addUrlPatterns(ENGINE_REST_PATH + "/*", "/camunda/api/engine/*");
    registration.setOrder(EngineRestFilterOrder.GUARD);
    return registration;
  }

  /** Before the authentication: engine-rest is not for browsers. */
  @Bean
  FilterRegistrationBean<Filter> engineRestBrowserFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new EngineRestBrowserFilter());
    registration.setName("raccroche-engine-rest-browsers");
    registration.addUrlPatterns(ENGINE_REST_PATH + "/*");
    registration.setOrder(EngineRestFilterOrder.AUTHENTICATION - 1);
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
