package fr.raccroche.pathway;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link PersonalDataRead} for the cases' own surfaces (API and pages), before the data
 * leaves: if the access log cannot record the read, the read fails.
 */
@Component
class CaseReads {
  static final String CASE_API = "CASE_API";
  static final String CASE_LIST_API = "CASE_LIST_API";
  static final String CASE_PAGE = "CASE_PAGE";
  static final String CASE_LIST_PAGE = "CASE_LIST_PAGE";

  private final ApplicationEventPublisher events;

  CaseReads(ApplicationEventPublisher events) {
    this.events = events;
  }

  void read(
      Authentication authentication,
      HttpServletRequest request,
      String surface,
      List<String> caseNumbers) {
    if (caseNumbers.isEmpty()) {
      return;
    }
    events.publishEvent(
        new PersonalDataRead(
            authentication.getName(), request.getRemoteAddr(), surface, caseNumbers));
  }
}
