package fr.raccroche.pathway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.pathway.internal.CaseRegistration;
import fr.raccroche.pathway.internal.CaseSignalementEntity;
import fr.raccroche.pathway.internal.CaseSignalementRepository;
import fr.raccroche.pathway.internal.MergePolicy;
import fr.raccroche.pathway.internal.PersonMatcher;
import fr.raccroche.pathway.internal.PersonRef;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.pathway.process.SignalementReviews;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.MarkdownText;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A young person signalled by a coordinator (a walk-in, a phone call): the intake's rules for one
 * person given by hand (docs/intake.md). Matched as a list row would be; within the signaller's
 * scope, what they give replaces the stored contact details ({@link
 * MergePolicy#REPLACE_CONTACT_DETAILS}) and their open case is answered; a young person followed by
 * another perimeter is not disclosed nor changed — that perimeter's coordinators get "Un autre
 * périmètre signale ce jeune" with the new information; otherwise a case opens and its pathway
 * starts at once (should it fail, the case is marked for the supervisors, not lost).
 */
@Service
public class Signalements {
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final YoungPersonRepository persons;
  private final SupportCaseRepository cases;
  private final CaseSignalementRepository signalements;
  private final CaseIntake intake;
  private final CaseRegistration registration;
  private final PathwayStarts starts;
  private final SignalementReviews reviews;
  private final TerritoryService territory;
  private final SignalementValidation validation;
  private final ObjectMapper json;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Signalements(
      YoungPersonRepository persons,
      SupportCaseRepository cases,
      CaseSignalementRepository signalements,
      CaseIntake intake,
      CaseRegistration registration,
      PathwayStarts starts,
      SignalementReviews reviews,
      TerritoryService territory,
      SignalementValidation validation,
      ObjectMapper json,
      PlatformTransactionManager transactions,
      Optional<Clock> clock) {
    this.persons = persons;
    this.cases = cases;
    this.signalements = signalements;
    this.intake = intake;
    this.registration = registration;
    this.starts = starts;
    this.reviews = reviews;
    this.territory = territory;
    this.validation = validation;
    this.json = json;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** What a signalement did. */
  public enum Kind {
    /** A new case opened (its pathway started, or marked "démarrage en échec"). */
    OPENED,
    /** The young person already has an open case in the signaller's scope: that case. */
    EXISTING,
    /** Followed by another perimeter: nothing disclosed, nothing changed, that perimeter told. */
    FOLLOWED_ELSEWHERE
  }

  /**
   * @param caseNumber the case opened or found; for {@link Kind#FOLLOWED_ELSEWHERE}, the other
   *     perimeter's case (for the access log only: never shown to the signaller)
   * @param perimeterCode the perimeter that follows the young person
   */
  public record Outcome(Kind kind, String caseNumber, String perimeterCode, String perimeterName) {}

  /**
   * Signals a young person; {@code scope} is what the signaller may see, {@code userId} who they
   * are (recorded with a signalement sent to another perimeter). Bad input: {@link
   * InvalidInputException} (French), nothing written.
   */
  public Outcome signal(CaseScope scope, String userId, NewCase request) {
    PersonDetails person = validation.validate(request);
    String perimeter = validation.perimeterOf(request, person);
    Outcome outcome =
        transaction.execute(tx -> register(scope, userId, request, person, perimeter));
    if (outcome.kind() == Kind.OPENED) {
      starts.startNow(outcome.caseNumber());
    }
    return outcome;
  }

  private Outcome register(
      CaseScope scope, String userId, NewCase request, PersonDetails p, String perimeter) {
    PersonMatcher matcher = new PersonMatcher();
    if (p.ine() != null) {
      persons.matchKeysByIne(List.of(p.ine())).forEach(r -> matcher.add(PersonRef.of(r)));
    }
    persons.matchKeysByBirthDate(List.of(p.birthDate())).forEach(r -> matcher.add(PersonRef.of(r)));
    PersonRef known =
        matcher.match(p.ine(), Names.key(p.lastName(), p.firstName()), p.birthDate()).exact();
    Instant now = Instant.now(clock);
    if (known != null) {
      List<SupportCaseEntity> open = cases.findOpenByPersonIds(List.of(known.id()));
      if (!open.isEmpty()) {
        SupportCaseEntity c = open.get(0);
        if (!scope.coversCase(
            c.getDepartement(), c.getPerimeterCode(), c.getReferentPartnerCode())) {
          sendToFollowingPerimeter(scope, userId, c, p, now);
          return new Outcome(
              Kind.FOLLOWED_ELSEWHERE,
              c.getCaseNumber(),
              c.getPerimeterCode(),
              territory.perimeter(c.getPerimeterCode()).name());
        }
        MergePolicy.REPLACE_CONTACT_DETAILS.apply(person(known), p, now);
        return new Outcome(Kind.EXISTING, c.getCaseNumber(), c.getPerimeterCode(), null);
      }
      // Known, every case closed: a new case. The signaller's details win only in their scope.
      (scope.covers(perimeter, null) ? MergePolicy.REPLACE_CONTACT_DETAILS : MergePolicy.COMPLETE)
          .apply(person(known), p, now);
    } else {
      known = intake.register(p);
    }
    SupportCaseEntity c =
        registration
            .register(List.of(new CaseRegistration.Request(known, request, perimeter)))
            .get(0);
    return new Outcome(Kind.OPENED, c.getCaseNumber(), perimeter, null);
  }

  private void sendToFollowingPerimeter(
      CaseScope scope, String userId, SupportCaseEntity c, PersonDetails p, Instant now) {
    String from = scope.perimeterCodes().stream().sorted().findFirst().orElse(null);
    CaseSignalementEntity s = new CaseSignalementEntity();
    s.setCaseNumber(c.getCaseNumber());
    s.setSignalledByPerimeter(from);
    s.setSignalledByUser(userId);
    s.setDetails(toJson(p));
    s.setCreatedAt(now);
    signalements.saveAndFlush(s);
    reviews.open(c, s.getId(), from, summary(p, from, LocalDate.now(clock)));
  }

  /**
   * The decision of "Examiner un signalement d'un autre périmètre" on the case {@code caseNumber}
   * (the review process's business key): the signalement must be about that case and not decided
   * yet; {@code apply} replaces the stored contact details with the signalled ones.
   */
  public void decide(String caseNumber, long signalementId, boolean apply) {
    CaseSignalementEntity s =
        signalements
            .findById(signalementId)
            .filter(x -> x.getCaseNumber().equals(caseNumber) && x.getDecision() == null)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "signalementId", "Ce signalement n'existe pas ou a déjà été traité."));
    Instant now = Instant.now(clock);
    if (apply) {
      SupportCaseEntity c = cases.findById(caseNumber).orElseThrow();
      MergePolicy.REPLACE_CONTACT_DETAILS.apply(
          persons.findById(c.getPersonId()).orElseThrow(), fromJson(s.getDetails()), now);
    }
    s.decide(apply ? "APPLIED" : "IGNORED", now);
  }

  private YoungPersonEntity person(PersonRef ref) {
    return persons.findById(ref.id()).orElseThrow();
  }

  /** What the other perimeter reads in its task (French; personal data: runtime only). */
  private static String summary(PersonDetails p, String from, LocalDate today) {
    StringBuilder b = new StringBuilder();
    b.append("Signalé le ")
        .append(today.format(FRENCH_DATE))
        .append(from == null ? " par la supervision départementale" : " par le périmètre " + from)
        .append(". Informations données :");
    line(b, "Téléphone", p.phone());
    line(b, "Courriel", p.email());
    line(
        b,
        "Adresse",
        p.address() == null && p.postalCode() == null
            ? null
            : ((p.address() == null ? "" : p.address() + ", ")
                    + (p.postalCode() == null ? "" : p.postalCode() + " ")
                    + (p.communeName() == null ? "" : p.communeName()))
                .strip());
    line(b, "Responsable légal", p.legalGuardian());
    line(b, "Téléphone du responsable", p.guardianPhone());
    return b.toString();
  }

  private static void line(StringBuilder b, String label, String value) {
    if (value != null && !value.isBlank()) {
      // What the signaller typed stays text in the form's Markdown (docs/security.md R5).
      b.append("\n- ").append(label).append(" : ").append(MarkdownText.escape(value));
    }
  }

  private String toJson(PersonDetails p) {
    try {
      return json.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("PersonDetails always serialise", e);
    }
  }

  private PersonDetails fromJson(String details) {
    try {
      return json.readValue(details, PersonDetails.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored signalement no longer reads", e);
    }
  }
}
