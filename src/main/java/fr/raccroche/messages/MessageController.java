package fr.raccroche.messages;

import fr.raccroche.pathway.CaseNumbers;
import fr.raccroche.pathway.CaseScopes;
import fr.raccroche.pathway.PersonalDataRead;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messages API: send to a case's young person, list a case's messages, the provider's replies. */
@Tag(
    name = "Messages",
    description =
        "SMS et courriels au jeune (ou à son responsable légal s'il est mineur), depuis des"
            + " modèles en français ; envoi par le processus MessageDeliveryProcess.")
@RestController
class MessageController {
  private final MessageService messages;
  private final CaseScopes scopes;
  private final ApplicationEventPublisher events;
  private final MessagesProperties properties;

  MessageController(
      MessageService messages,
      CaseScopes scopes,
      ApplicationEventPublisher events,
      MessagesProperties properties) {
    this.messages = messages;
    this.scopes = scopes;
    this.events = events;
    this.properties = properties;
  }

  @Operation(
      summary =
          "Envoie un SMS ou un courriel au jeune (YOUNG_PERSON) ou, s'il est mineur, à son"
              + " responsable légal (GUARDIAN) : 202 avec l'identifiant et le statut (QUEUED ou"
              + " DEFERRED la nuit et le dimanche) ; 400 adresse mal formée ou modèle inconnu ; 409"
              + " dossier clos, STOP ou limite de 3 messages par jour atteinte")
  @PostMapping("/api/cases/{caseNumber}/messages")
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'CASEWORKER')")
  ResponseEntity<MessageAccepted> send(
      Authentication authentication,
      @PathVariable String caseNumber,
      @RequestBody MessageRequest request) {
    checkFormat(caseNumber);
    MessageAccepted accepted =
        messages.send(scopes.of(authentication), caseNumber, request, authentication.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
  }

  @Operation(
      summary =
          "Les messages d'un dossier, du plus ancien au plus récent, avec leur statut (QUEUED,"
              + " DEFERRED, SENT, FAILED) et leurs dates (lecture journalisée)")
  @GetMapping("/api/cases/{caseNumber}/messages")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  List<MessageView> list(
      Authentication authentication, @PathVariable String caseNumber, HttpServletRequest http) {
    checkFormat(caseNumber);
    List<MessageView> found = messages.list(scopes.of(authentication), caseNumber);
    events.publishEvent(
        new PersonalDataRead(
            authentication.getName(),
            http.getRemoteAddr(),
            PersonalDataRead.Surface.MESSAGES_API,
            List.of(caseNumber)));
    return found;
  }

  @Operation(
      summary =
          "Le texte d'un modèle fusionné avec les données du dossier, à relire et modifier avant"
              + " l'envoi")
  @GetMapping("/api/cases/{caseNumber}/messages/preview")
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'CASEWORKER')")
  Map<String, String> preview(
      Authentication authentication,
      @PathVariable String caseNumber,
      @RequestParam String template,
      @RequestParam(required = false) Recipient recipient,
      @RequestParam(required = false) LocalDateTime appointmentAt,
      @RequestParam(required = false) String appointmentPlace) {
    checkFormat(caseNumber);
    if (appointmentPlace != null && appointmentPlace.length() > MessageService.MAX_PLACE) {
      throw new InvalidInputException(
          "appointmentPlace",
          "Le lieu du rendez-vous dépasse " + MessageService.MAX_PLACE + " caractères.");
    }
    return Map.of(
        "text",
        messages.preview(
            scopes.of(authentication),
            caseNumber,
            template,
            recipient,
            appointmentAt,
            appointmentPlace,
            authentication.getName()));
  }

  @Operation(
      summary =
          "Messages envoyés : tous les messages, du plus récent au plus ancien (administrateurs)")
  @GetMapping("/api/messages")
  @PreAuthorize("hasRole('ADMIN')")
  PageResponse<MessageView> all(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidInputException(
          "size", "Page positive ou nulle, taille de page entre 1 et 200.");
    }
    return PageResponse.of(messages.all(PageRequest.of(page, size)));
  }

  /** A reply to an SMS, posted by the provider; {@code STOP} blocks further SMS to the number. */
  @Operation(
      summary =
          "Réponse d'un jeune à un SMS, transmise par le fournisseur (webhook, jeton secret"
              + " raccroche.messages.sms.webhook-token) : « STOP » bloque les SMS suivants vers ce"
              + " numéro")
  @PostMapping("/api/messages/sms-replies")
  Map<String, Object> smsReply(
      @RequestParam(required = false) String token, @RequestBody SmsReply reply) {
    String expected = properties.sms().webhookToken();
    if (expected.isBlank()
        || token == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw new AccessDeniedException("Wrong or missing webhook token");
    }
    if (reply == null || reply.from() == null || reply.from().isBlank()) {
      throw new InvalidInputException("from", "Le numéro de l'expéditeur est obligatoire.");
    }
    if (reply.from().length() > 32 || (reply.text() != null && reply.text().length() > 2000)) {
      throw new InvalidInputException("text", "Réponse trop longue.");
    }
    return Map.of("stop", messages.smsReply(reply.from(), reply.text()));
  }

  /**
   * The provider's reply webhook: {@code from} the young person's number (any usual form), {@code
   * text} what they answered.
   */
  record SmsReply(String from, String text) {
    @Override
    public String toString() {
      return "SmsReply[redacted]";
    }
  }

  private static void checkFormat(String caseNumber) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new InvalidInputException(
          "caseNumber",
          "Numéro de dossier invalide : « " + caseNumber + " » (attendu AAAA-DD-NNNNNN).");
    }
  }
}
