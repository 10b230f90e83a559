package fr.raccroche.privacy.internal;

import fr.raccroche.security.EngineRestFilterOrder;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the engine surfaces' access log after engine-rest's authentication. */
@Configuration
class AccessLogFilters {
  @Bean
  FilterRegistrationBean<Filter> engineReadAccessLog(
      HistoryService history, IdentityService identity, ApplicationEventPublisher events) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new EngineReadAccessLog(history, identity, events));
    registration.setName("raccroche-engine-read-access-log");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(EngineRestFilterOrder.AFTER_ROLE_CHECK);
    return registration;
  }
}
