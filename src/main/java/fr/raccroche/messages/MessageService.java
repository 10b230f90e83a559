package fr.raccroche.messages;

import fr.raccroche.messages.internal.Addresses;
import fr.raccroche.messages.internal.DailyLimit;
import fr.raccroche.messages.internal.MessageClock;
import fr.raccroche.messages.internal.MessageEntity;
import fr.raccroche.messages.internal.MessageRepository;
import fr.raccroche.messages.internal.OptOuts;
import fr.raccroche.messages.internal.QuietHours;
import fr.raccroche.messages.process.MessageProcesses;
import fr.raccroche.pathway.CaseQueries;
import fr.raccroche.pathway.CaseScope;
import fr.raccroche.pathway.CaseStatus;
import fr.raccroche.pathway.CaseView;
import fr.raccroche.pathway.ContactAttempts;
import fr.raccroche.security.Roles;
import fr.raccroche.shared.ConflictException;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.shared.TextRules;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to a case's young person (or, for a minor and explicitly, the legal guardian), the
 * processes' reminders, the replies "STOP". The case is read within the caller's scope (an
 * out-of-scope case is "unknown", as one that does not exist). A message is queued in the request's
 * transaction with its own {@code MessageDeliveryProcess}: every rule (address, STOP, daily limit,
 * closed case) is checked first, and a refusal writes nothing.
 */
@Service
@Transactional
public class MessageService {
  private static final Logger log = LoggerFactory.getLogger(MessageService.class);

  /** Three SMS segments: longer texts cost more and read badly on a phone. */
  public static final int MAX_SMS = 480;

  public static final int MAX_EMAIL = 5000;
  public static final int MAX_PLACE = 200;
  private static final DateTimeFormatter FRENCH_DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter FRENCH_HOUR = DateTimeFormatter.ofPattern("HH'h'mm");
  private static final DateTimeFormatter FRENCH_WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH'h'mm", Locale.FRENCH);

  private final CaseQueries cases;
  private final ContactAttempts contactAttempts;
  private final TerritoryService territory;
  private final IdentityService identity;
  private final MessageRepository messages;
  private final OptOuts optOuts;
  private final DailyLimit dailyLimit;
  private final MessageClock clock;
  private final QuietHours quiet;
  private final MessageProcesses processes;
  private final MessagesProperties properties;

  MessageService(
      CaseQueries cases,
      ContactAttempts contactAttempts,
      TerritoryService territory,
      IdentityService identity,
      MessageRepository messages,
      OptOuts optOuts,
      DailyLimit dailyLimit,
      MessageClock clock,
      QuietHours quiet,
      MessageProcesses processes,
      MessagesProperties properties) {
    this.cases = cases;
    this.contactAttempts = contactAttempts;
    this.territory = territory;
    this.identity = identity;
    this.messages = messages;
    this.optOuts = optOuts;
    this.dailyLimit = dailyLimit;
    this.clock = clock;
    this.quiet = quiet;
    this.processes = processes;
    this.properties = properties;
  }

  /**
   * Queues a message to the case's young person or guardian, from the API or the case page. While
   * the case's contact task is open, the message is recorded as a contact attempt.
   */
  public MessageAccepted send(
      CaseScope scope, String caseNumber, MessageRequest request, String userId) {
    CaseView c = cases.getCase(scope, caseNumber);
    return queue(c, request, userId, null);
  }

  /**
   * Queues the message filled in {@code Task_ContactYoungPerson}'s form (the pathway records the
   * attempt itself). The case is the task's, read without the user's scope.
   */
  public MessageAccepted sendFromContactTask(
      String caseNumber, String taskId, MessageRequest request, String userId) {
    CaseView c = cases.getCase(CaseScope.ALL, caseNumber);
    return queue(c, request, userId, taskId);
  }

  private MessageAccepted queue(
      CaseView c, MessageRequest request, String userId, String contactTaskId) {
    if (c.status() == CaseStatus.CLOSED) {
      throw new ConflictException(
          "caseNumber", "Le dossier est clos : aucun message ne peut plus être envoyé.");
    }
    if (request == null || request.channel() == null) {
      throw new InvalidInputException("channel", "Choisissez le canal : SMS ou EMAIL.");
    }
    if (request.recipient() == null
        || !(request.recipient() == Recipient.YOUNG_PERSON
            || request.recipient() == Recipient.GUARDIAN)) {
      throw new InvalidInputException(
          "recipient",
          "Choisissez le destinataire : YOUNG_PERSON (le jeune) ou GUARDIAN (son responsable"
              + " légal, s'il est mineur).");
    }
    MessageTemplate template = choosableTemplate(request.template());
    Recipient recipient = request.recipient();
    String address = address(c, request.channel(), recipient);
    Appointment appointment = appointment(template, request);
    Map<String, String> values = values(c, userId, appointment);
    String body = text(request, template, recipient, values);
    Optional<Instant> stopped = optOuts.stoppedAt(request.channel(), address);
    if (stopped.isPresent()) {
      throw new ConflictException(
          "recipient",
          "Ce destinataire a demandé à ne plus recevoir de messages (STOP, le "
              + stopped.get().atZone(quiet.zone()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
              + ") : il n'en recevra plus sur "
              + (request.channel() == Channel.SMS ? "ce numéro." : "cette adresse."));
    }
    if (!dailyLimit.take(c.caseNumber(), clock.today(), properties.dailyLimitPerCase())) {
      throw new ConflictException(
          "caseNumber",
          "Limite atteinte : "
              + properties.dailyLimitPerCase()
              + " messages par jour au plus pour un même dossier. Réessayez demain.");
    }
    Instant now = clock.now();
    MessageEntity m =
        newMessage(
            c.caseNumber(),
            request.channel(),
            recipient,
            null,
            template,
            address,
            request.channel() == Channel.EMAIL ? template.subject(values) : null,
            body,
            userId,
            now,
            quiet.deferral(now).orElse(null));
    if (contactTaskId != null) {
      m.setContactTaskId(contactTaskId);
    } else {
      contactAttempts.recordMessage(c.caseNumber(), line(m)).ifPresent(m::setContactTaskId);
    }
    start(m);
    if (appointment != null && appointment.reminder()) {
      scheduleReminder(c, request.channel(), recipient, address, values, appointment, userId, now);
    }
    log.info("Message {} queued for case {} ({})", m.getId(), c.caseNumber(), m.getStatus());
    return new MessageAccepted(
        m.getId(),
        m.getStatus().shown(),
        m.getScheduledFor(),
        m.getStatus() == MessageStatus.DEFERRED
            ? "Message différé : il partira le "
                + m.getScheduledFor().atZone(quiet.zone()).format(FRENCH_WHEN)
                + " (pas d'envoi la nuit ni le dimanche)."
            : "Message en file d'attente : il part dans un instant.");
  }

  /** The merged template, for the case page and the API to show and edit before sending. */
  @Transactional(readOnly = true)
  public String preview(
      CaseScope scope,
      String caseNumber,
      String templateCode,
      Recipient recipient,
      LocalDateTime appointmentAt,
      String appointmentPlace,
      String userId) {
    CaseView c = cases.getCase(scope, caseNumber);
    MessageTemplate template = choosableTemplate(templateCode);
    Appointment appointment =
        appointmentAt == null
            ? null
            : new Appointment(
                appointmentAt, appointmentPlace == null ? "" : appointmentPlace, false);
    return template.body(
        recipient == null ? Recipient.YOUNG_PERSON : recipient, values(c, userId, appointment));
  }

  /** The case's messages, oldest first. */
  @Transactional(readOnly = true)
  public List<MessageView> list(CaseScope scope, String caseNumber) {
    cases.getCase(scope, caseNumber);
    return timeline(caseNumber);
  }

  /** The case's messages without a scope check (the pathway's timeline, already in scope). */
  @Transactional(readOnly = true)
  public List<MessageView> timeline(String caseNumber) {
    return messages.findByCaseNumberOrderByCreatedAtAscIdAsc(caseNumber).stream()
        .map(MessageService::view)
        .toList();
  }

  /** Every message, newest first: the administrators' page "Messages envoyés". */
  @Transactional(readOnly = true)
  public Page<MessageView> all(Pageable page) {
    return messages.findAllByOrderByCreatedAtDescIdDesc(page).map(MessageService::view);
  }

  /** Timer_OrientationReminder: an e-mail to the partner's contact address (none: nothing). */
  public void remindPartner(String caseNumber, String partnerCode) {
    Partner partner = territory.partner(partnerCode);
    if (partner.contactEmail() == null || partner.contactEmail().isBlank()) {
      log.info("Case {}: partner {} has no contact address, no reminder", caseNumber, partnerCode);
      return;
    }
    String address;
    try {
      address = Addresses.email(partner.contactEmail(), "contactEmail", "de la structure");
    } catch (InvalidInputException e) {
      log.warn(
          "Case {}: partner {} contact address malformed, no reminder", caseNumber, partnerCode);
      return;
    }
    Map<String, String> values = Map.of("structure", partner.name(), "dossier", caseNumber);
    Instant now = clock.now();
    MessageEntity m =
        newMessage(
            caseNumber,
            Channel.EMAIL,
            Recipient.PARTNER,
            partnerCode,
            MessageTemplate.ORIENTATION_REMINDER,
            address,
            MessageTemplate.ORIENTATION_REMINDER.subject(values),
            MessageTemplate.ORIENTATION_REMINDER.body(Recipient.PARTNER, values),
            null,
            now,
            quiet.deferral(now).orElse(null));
    start(m);
  }

  /**
   * One e-mail to a coordinator listing their overdue tasks (case numbers, task names, due dates:
   * no young person's name). Skipped without an e-mail address.
   */
  public boolean sendDigest(String userId, List<String> overdueLines) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null
        || user.getEmail() == null
        || user.getEmail().isBlank()
        || overdueLines.isEmpty()) {
      return false;
    }
    String address;
    try {
      address = Addresses.email(user.getEmail(), "email", "du coordonnateur");
    } catch (InvalidInputException e) {
      log.warn("User {} has a malformed e-mail address: no digest", userId);
      return false;
    }
    Map<String, String> values =
        Map.of(
            "expediteur", fullName(user, userId),
            "nombre", String.valueOf(overdueLines.size()),
            "liste", overdueLines.stream().map(l -> "- " + l).collect(Collectors.joining("\n")));
    Instant now = clock.now();
    MessageEntity m =
        newMessage(
            null,
            Channel.EMAIL,
            Recipient.COORDINATOR,
            userId,
            MessageTemplate.OVERDUE_DIGEST,
            address,
            MessageTemplate.OVERDUE_DIGEST.subject(values),
            MessageTemplate.OVERDUE_DIGEST.body(Recipient.COORDINATOR, values),
            null,
            now,
            quiet.deferral(now).orElse(null));
    start(m);
    return true;
  }

  /**
   * A reply by SMS (the provider's webhook): "STOP" (or "ARRET", "STOP SMS"…) blocks further SMS to
   * that number. Returns whether it was a STOP.
   */
  public boolean smsReply(String from, String text) {
    if (from == null || text == null) {
      return false;
    }
    String word = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    if (!(word.startsWith("STOP") || word.startsWith("ARRET"))) {
      return false;
    }
    optOuts.record(Channel.SMS, from, clock.now(), "SMS_REPLY");
    log.info("STOP recorded from an SMS reply");
    return true;
  }

  /** Whether the unsubscribe link's token is one of a sent e-mail (the confirmation page). */
  @Transactional(readOnly = true)
  public boolean knownUnsubscribeToken(String token) {
    return token != null
        && token.length() <= 64
        && messages.findByUnsubscribeToken(token).isPresent();
  }

  /** The unsubscribe link of an e-mail was followed: its address receives no more e-mails. */
  public boolean unsubscribe(String token) {
    if (token == null || token.length() > 64) {
      return false;
    }
    return messages
        .findByUnsubscribeToken(token)
        .map(
            m -> {
              optOuts.record(Channel.EMAIL, m.getAddress(), clock.now(), "UNSUBSCRIBE_LINK");
              log.info("STOP recorded from the unsubscribe link of message {}", m.getId());
              return true;
            })
        .orElse(false);
  }

  // ---------------------------------------------------------------------------------------------

  private static void refuseIf(String field, String frenchMessage) {
    if (frenchMessage != null) {
      throw new InvalidInputException(field, frenchMessage);
    }
  }

  private record Appointment(LocalDateTime at, String place, boolean reminder) {}

  private static MessageTemplate choosableTemplate(String code) {
    String accepted =
        MessageTemplate.choosableOnes().stream().map(Enum::name).collect(Collectors.joining(", "));
    if (code == null || code.isBlank()) {
      throw new InvalidInputException(
          "template", "Choisissez un modèle de message. Valeurs possibles : " + accepted + ".");
    }
    return Arrays.stream(MessageTemplate.values())
        .filter(t -> t.choosable() && t.name().equals(code.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "template",
                    "Modèle de message inconnu. Valeurs possibles : " + accepted + "."));
  }

  private String address(CaseView c, Channel channel, Recipient recipient) {
    if (recipient == Recipient.GUARDIAN) {
      if (c.age() != null && c.age() >= 18) {
        throw new InvalidInputException(
            "recipient",
            "Le jeune est majeur : écrivez-lui directement (destinataire YOUNG_PERSON).");
      }
      if (channel == Channel.EMAIL) {
        throw new InvalidInputException(
            "recipient",
            "Aucune adresse électronique n'est connue pour le responsable légal : envoyez-lui un"
                + " SMS.");
      }
      return Addresses.mobile(c.person().guardianPhone(), "guardianPhone", "du responsable légal");
    }
    return channel == Channel.SMS
        ? Addresses.mobile(c.person().phone(), "phone", "du jeune")
        : Addresses.email(c.person().email(), "email", "du jeune");
  }

  private Appointment appointment(MessageTemplate template, MessageRequest request) {
    if (template != MessageTemplate.APPOINTMENT) {
      return null;
    }
    if (request.appointmentAt() == null) {
      throw new InvalidInputException(
          "appointmentAt", "Indiquez la date et l'heure du rendez-vous (AAAA-MM-JJTHH:MM).");
    }
    if (!request.appointmentAt().atZone(quiet.zone()).toInstant().isAfter(clock.now())) {
      throw new InvalidInputException(
          "appointmentAt", "Le rendez-vous proposé doit être dans le futur.");
    }
    if (request.appointmentAt().getYear() > 2100) {
      throw new InvalidInputException(
          "appointmentAt", "La date du rendez-vous est invraisemblable.");
    }
    String place = request.appointmentPlace();
    if (place == null || place.isBlank()) {
      throw new InvalidInputException("appointmentPlace", "Indiquez le lieu du rendez-vous.");
    }
    refuseIf("appointmentPlace", TextRules.check(place, "lieu du rendez-vous"));
    refuseIf("appointmentPlace", TextRules.checkLength(place, MAX_PLACE, "lieu du rendez-vous"));
    return new Appointment(
        request.appointmentAt(),
        place.strip().replaceAll("\\s+", " "),
        Boolean.TRUE.equals(request.appointmentReminder()));
  }

  private String text(
      MessageRequest request,
      MessageTemplate template,
      Recipient recipient,
      Map<String, String> values) {
    int max = request.channel() == Channel.SMS ? MAX_SMS : MAX_EMAIL;
    if (request.text() == null || request.text().isBlank()) {
      return template.body(recipient, values);
    }
    String text = request.text().strip();
    refuseIf("text", TextRules.check(text, "texte du message"));
    if (text.length() > max) {
      throw new InvalidInputException(
          "text",
          "Le texte du message dépasse "
              + max
              + " caractères ("
              + text.length()
              + ") : raccourcissez-le"
              + (request.channel() == Channel.SMS ? " (3 SMS au plus)." : "."));
    }
    return text;
  }

  /** The placeholders' values: the young person's first name, the sender, the structure. */
  private Map<String, String> values(CaseView c, String userId, Appointment appointment) {
    Map<String, String> values = new HashMap<>();
    values.put("prenom", c.person().firstName() == null ? "" : c.person().firstName());
    values.put("dossier", c.caseNumber());
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    values.put("expediteur", fullName(user, userId));
    Partner referent = referentOfSender(c, userId);
    String structure =
        referent != null
            ? referent.name()
            : "la plateforme de suivi des décrocheurs (" + perimeterName(c.perimeterCode()) + ")";
    values.put("structure", structure);
    String contact =
        user != null && user.getEmail() != null && !user.getEmail().isBlank()
            ? user.getEmail()
            : referent != null && referent.contactPhone() != null
                ? referent.contactPhone()
                : properties.from();
    values.put("contact", contact);
    if (appointment != null) {
      values.put("date", appointment.at().format(FRENCH_DAY));
      values.put("heure", appointment.at().format(FRENCH_HOUR));
      values.put("lieu", appointment.place());
    }
    return values;
  }

  private Partner referentOfSender(CaseView c, String userId) {
    if (c.referentPartnerCode() == null || userId == null) {
      return null;
    }
    boolean member =
        identity
                .createGroupQuery()
                .groupMember(userId)
                .groupId(Roles.PARTNER_GROUP_PREFIX + c.referentPartnerCode())
                .count()
            > 0;
    return member ? territory.partner(c.referentPartnerCode()) : null;
  }

  private String perimeterName(String code) {
    return territory.findPerimeter(code).map(Perimeter::name).orElse(code);
  }

  private static String fullName(User user, String userId) {
    if (user == null) {
      return userId == null ? "" : userId;
    }
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    return name.isEmpty() ? userId : name;
  }

  private void scheduleReminder(
      CaseView c,
      Channel channel,
      Recipient recipient,
      String address,
      Map<String, String> values,
      Appointment appointment,
      String userId,
      Instant now) {
    Instant appointmentAt = appointment.at().atZone(quiet.zone()).toInstant();
    Instant at = appointmentAt.minus(properties.appointmentReminderBefore());
    if (!at.isAfter(now)) {
      return;
    }
    Instant allowed = quiet.deferral(at).orElse(at);
    if (!allowed.isBefore(appointmentAt)) {
      return;
    }
    MessageTemplate t = MessageTemplate.APPOINTMENT_REMINDER;
    MessageEntity reminder =
        newMessage(
            c.caseNumber(),
            channel,
            recipient,
            null,
            t,
            address,
            channel == Channel.EMAIL ? t.subject(values) : null,
            t.body(recipient, values),
            userId,
            now,
            allowed);
    start(reminder);
  }

  private MessageEntity newMessage(
      String caseNumber,
      Channel channel,
      Recipient recipient,
      String recipientRef,
      MessageTemplate template,
      String address,
      String subject,
      String body,
      String userId,
      Instant now,
      Instant sendAt) {
    MessageEntity m = new MessageEntity();
    m.setCaseNumber(caseNumber);
    m.setChannel(channel);
    m.setRecipient(recipient);
    m.setRecipientRef(recipientRef);
    m.setTemplate(template);
    m.setAddress(address);
    m.setSubject(subject);
    m.setBody(body);
    m.setCreatedAt(now);
    m.setCreatedOn(now.atZone(quiet.zone()).toLocalDate());
    m.setCreatedBy(userId);
    m.setStatus(sendAt == null ? MessageStatus.QUEUED : MessageStatus.DEFERRED);
    m.setScheduledFor(sendAt);
    m.setIdempotencyKey(UUID.randomUUID().toString());
    if (channel == Channel.EMAIL && recipient.isYoungPersonSide()) {
      m.setUnsubscribeToken(UUID.randomUUID().toString().replace("-", ""));
    }
    return messages.save(m);
  }

  private void start(MessageEntity m) {
    m.setProcessInstanceId(
        processes.start(
            m.getId(),
            m.getScheduledFor(),
            fr.raccroche.pathway.CaseNumbers.departementOf(m.getCaseNumber())));
  }

  /** The French line of the contact history and task comment (no content). */
  static String line(MessageEntity m) {
    return m.getChannel().label()
        + " "
        + m.getRecipient().label()
        + " : "
        + m.getTemplate().label();
  }

  static MessageView view(MessageEntity m) {
    return new MessageView(
        m.getId(),
        m.getCaseNumber(),
        m.getChannel(),
        m.getRecipient(),
        m.getRecipient().label(),
        m.getTemplate().name(),
        m.getTemplate().label(),
        m.getStatus().shown(),
        m.getStatus().shown().label(),
        m.getAddress(),
        m.getSubject(),
        m.getBody(),
        m.getCreatedAt(),
        m.getCreatedBy(),
        m.getScheduledFor(),
        m.getSentAt(),
        m.getFailedAt(),
        m.getFailure(),
        m.getContactTaskId() != null,
        m.getProvider());
  }

  /** Looks a message up by id (the tests and the admin page). */
  @Transactional(readOnly = true)
  public MessageView get(long id) {
    return messages
        .findById(id)
        .map(MessageService::view)
        .orElseThrow(() -> new NotFoundException("Message inconnu : " + id + "."));
  }
}
