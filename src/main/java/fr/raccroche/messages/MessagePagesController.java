package fr.raccroche.messages;

import fr.raccroche.pathway.CaseNumbers;
import fr.raccroche.pathway.CaseScopes;
import fr.raccroche.pathway.PersonalDataRead;
import fr.raccroche.shared.ConflictException;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * French pages: sending a message from the case page, the administrators' "Messages envoyés", and
 * the unsubscribe link of e-mails (open without login: its token is the key).
 */
@Controller
class MessagePagesController {
  private final MessageService messages;
  private final CaseScopes scopes;
  private final ApplicationEventPublisher events;
  private final MessagesProperties properties;

  MessagePagesController(
      MessageService messages,
      CaseScopes scopes,
      ApplicationEventPublisher events,
      MessagesProperties properties) {
    this.messages = messages;
    this.scopes = scopes;
    this.events = events;
    this.properties = properties;
  }

  /** The case page's "Écrire au jeune" form. */
  @PostMapping("/cases/{caseNumber}/messages")
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'CASEWORKER')")
  String send(
      Authentication authentication,
      @PathVariable String caseNumber,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      MessageRequest request =
          new MessageRequest(
              parse(Channel.class, form.get("channel"), "channel", "le canal"),
              form.get("template"),
              parse(Recipient.class, form.get("recipient"), "recipient", "le destinataire"),
              form.get("text"),
              dateTime(form.get("appointmentAt")),
              form.get("appointmentPlace"),
              "on".equals(form.get("appointmentReminder")));
      MessageAccepted accepted =
          messages.send(scopes.of(authentication), caseNumber, request, authentication.getName());
      redirect.addFlashAttribute("messageNotice", accepted.message());
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    } catch (InvalidInputException | ConflictException e) {
      redirect.addFlashAttribute("messageError", e.getMessage());
    }
    return "redirect:/cases/" + caseNumber + "#messages";
  }

  /** "Messages envoyés": every message, with what the log provider only recorded. */
  @GetMapping("/messages")
  @PreAuthorize("hasRole('ADMIN')")
  String sent(
      Authentication authentication,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    Page<MessageView> found = messages.all(PageRequest.of(Math.max(0, page), 50));
    List<String> caseNumbers =
        found.getContent().stream()
            .map(MessageView::caseNumber)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    if (!caseNumbers.isEmpty()) {
      events.publishEvent(
          new PersonalDataRead(
              authentication.getName(),
              request.getRemoteAddr(),
              PersonalDataRead.Surface.SENT_MESSAGES_PAGE,
              caseNumbers));
    }
    model.addAttribute("messages", found);
    model.addAttribute("smsProvider", properties.sms().provider());
    model.addAttribute("zone", properties.timeZone());
    return "messages";
  }

  @GetMapping("/messages/unsubscribe/{token}")
  String unsubscribePage(@PathVariable String token, Model model) {
    model.addAttribute("known", messages.knownUnsubscribeToken(token));
    model.addAttribute("token", token);
    return "unsubscribe";
  }

  /** The confirmation button, or a mail client's one-click unsubscription (RFC 8058). */
  @PostMapping("/messages/unsubscribe/{token}")
  String unsubscribe(@PathVariable String token, Model model) {
    boolean done = messages.unsubscribe(token);
    model.addAttribute("known", done);
    model.addAttribute("done", done);
    model.addAttribute("token", token);
    return "unsubscribe";
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "Valeur inconnue pour " + what + ".");
    }
  }

  private static LocalDateTime dateTime(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "appointmentAt", "La date et l'heure du rendez-vous sont invalides.");
    }
  }
}
