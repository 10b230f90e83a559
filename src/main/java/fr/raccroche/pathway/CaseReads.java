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
  private final ApplicationEventPublisher events;

  CaseReads(ApplicationEventPublisher events) {
    this.events = events;
  }

  void read(
      Authentication authentication,
      HttpServletRequest request,
      PersonalDataRead.Surface surface,
      List<String> caseNumbers) {
    if (caseNumbers.isEmpty()) {
      return;
    }
    events.publishEvent(
        new PersonalDataRead(
            authentication.getName(), request.getRemoteAddr(), surface, caseNumbers));
  }
}
