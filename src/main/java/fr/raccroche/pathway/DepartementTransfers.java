package fr.raccroche.pathway;

import fr.raccroche.pathway.internal.CaseRegistration;
import fr.raccroche.pathway.internal.CaseTransferEntity;
import fr.raccroche.pathway.internal.CaseTransferRepository;
import fr.raccroche.pathway.internal.PersonRef;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.shared.TextRules;
import fr.raccroche.territory.Departements;
import fr.raccroche.territory.OfficialCommune;
import fr.raccroche.territory.OfficialCommunes;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A young person who moves to another département of the same deployment (issue 24,
 * docs/specification.md "Départ vers un autre département"): in one transaction, the case closes as
 * {@code LEFT_DEPARTEMENT} (closure {@link ClosureReason#TRANSFERRED}) in the first département, a
 * case opens in the second's intake — numbered there, routed to the perimeter of the new commune,
 * origin {@link CaseOrigin#TRANSFER} — with what the receiving coordination needs to contact the
 * young person (the person's record, the new place, optionally a new street address and phone; no
 * free text of the first case), and the link between the two is recorded. The new case's pathway
 * starts once that transaction has committed, as every intake's does ({@link PathwayStarts}): a
 * start that fails marks the case "démarrage en échec" and hands it to the recovery process, so a
 * closed case never lacks its successor.
 */
@Service
public class DepartementTransfers {
  static final int MAX_ADDRESS = 300;
  static final int MAX_PHONE = 30;

  private final SupportCaseRepository cases;
  private final YoungPersonRepository persons;
  private final CaseTransferRepository transfers;
  private final CaseRegistration registration;
  private final CaseEvents events;
  private final PathwayStarts starts;
  private final TerritoryService territory;
  private final OfficialCommunes officialCommunes;
  private final Departements departements;
  private final Clock clock;

  DepartementTransfers(
      SupportCaseRepository cases,
      YoungPersonRepository persons,
      CaseTransferRepository transfers,
      CaseRegistration registration,
      CaseEvents events,
      PathwayStarts starts,
      TerritoryService territory,
      OfficialCommunes officialCommunes,
      Departements departements,
      Optional<Clock> clock) {
    this.cases = cases;
    this.persons = persons;
    this.transfers = transfers;
    this.registration = registration;
    this.events = events;
    this.starts = starts;
    this.territory = territory;
    this.officialCommunes = officialCommunes;
    this.departements = departements;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** Where the young person went: the département and commune, optionally street and phone. */
  public record Destination(
      String departement, String communeCode, String postalCode, String address, String phone) {}

  /** The départements this deployment serves: those of its perimeters, and the default one. */
  public Set<String> servedDepartements() {
    return departements.codes();
  }

  /** Whether the code is a département of the official list (served here or not). */
  public boolean isDepartement(String code) {
    return officialCommunes.hasDepartement(code);
  }

  /** Whether a {@code LEFT_DEPARTEMENT} naming this département opens a case there. */
  public boolean serves(String departement) {
    return departement != null && servedDepartements().contains(departement.strip());
  }

  /**
   * Closes the case in its département and opens its successor in the destination's intake; answers
   * the new case's number. Bad input (unknown or same département, missing or unknown commune, a
   * commune of another département or of no perimeter, over-long fields): {@link
   * InvalidInputException} in French, nothing written.
   */
  @Transactional
  public String transfer(String caseNumber, Destination to, String userId) {
    // Locked: two moves of one case at once follow each other, and the second finds it closed.
    SupportCaseEntity from = cases.lockCase(caseNumber);
    if (from == null) {
      throw new NotFoundException("Dossier inconnu : " + caseNumber + ".");
    }
    String fromDepartement = from.getDepartement();
    String departement = to.departement() == null ? "" : to.departement().strip();
    if (!serves(departement)) {
      throw new InvalidInputException(
          "toDepartement",
          "Département inconnu de cette plateforme : « "
              + departement
              + " » (départements servis : "
              + String.join(", ", servedDepartements())
              + ").");
    }
    if (departement.equals(fromDepartement)) {
      throw new InvalidInputException(
          "toDepartement",
          "Le dossier est déjà dans le département "
              + departement
              + " : pour un déménagement dans le département, choisissez « autre périmètre ».");
    }
    String communeCode = TerritoryCodes.normaliseCommuneCode(to.communeCode());
    if (communeCode == null) {
      throw new InvalidInputException(
          "communeCode", "Indiquez le code INSEE de la commune où le jeune s'est installé.");
    }
    OfficialCommune commune =
        (TerritoryCodes.isCommuneCode(communeCode)
                ? territory.officialCommune(communeCode)
                : Optional.<OfficialCommune>empty())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "communeCode",
                        "Commune inconnue : « "
                            + to.communeCode()
                            + " » n'est pas dans la liste officielle des communes (COG)."));
    if (!departement.equals(commune.departement())) {
      throw new InvalidInputException(
          "communeCode",
          "La commune "
              + commune.name()
              + " ("
              + commune.code()
              + ") n'est pas dans le département "
              + departement
              + ".");
    }
    String postalCode = TerritoryCodes.normalisePostalCode(to.postalCode());
    if (postalCode != null
        && (!TerritoryCodes.isPostalCode(postalCode)
            || !officialCommunes.servesPostalCode(commune, postalCode))) {
      throw new InvalidInputException(
          "postalCode",
          "Le code postal « "
              + to.postalCode()
              + " » n'est pas celui de "
              + commune.name()
              + " ("
              + String.join(", ", commune.postalCodes())
              + ").");
    }
    if (postalCode == null && commune.postalCodes().size() == 1) {
      postalCode = commune.postalCodes().get(0);
    }
    String address = checked(to.address(), "address", MAX_ADDRESS);
    String phone = checked(to.phone(), "phone", MAX_PHONE);
    String perimeter =
        territory
            .route(commune.code(), postalCode, null)
            .map(r -> r.perimeterCode())
            .filter(p -> departement.equals(departements.ofPerimeter(p).orElse(null)))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "communeCode",
                        "Aucun périmètre du département "
                            + departement
                            + " ne couvre la commune "
                            + commune.name()
                            + " ("
                            + commune.code()
                            + ") : un superviseur doit d'abord l'ajouter à un périmètre."));

    // The first département: closed as departed (its pathway's own message, so the indicators
    // count the closure as any other).
    events.movedAway(caseNumber, null);

    // The young person's place and phone are those they gave at the move; the other details of the
    // record stay (one record per person in the deployment).
    Instant now = Instant.now(clock);
    YoungPersonEntity person = persons.findById(from.getPersonId()).orElseThrow();
    person.setAddress(address);
    person.setPostalCode(postalCode);
    person.setCommuneCode(commune.code());
    person.setCommuneName(commune.name());
    if (phone != null) {
      person.setPhone(phone);
    }
    person.setUpdatedAt(now);

    // The second département's intake: what the receiving coordination needs, no free text.
    NewCase successor =
        new NewCase(
            null,
            CaseOrigin.TRANSFER,
            from.getSource(),
            LocalDate.now(clock),
            from.getLeavingDate(),
            null,
            null,
            from.getLastLevel(),
            null,
            null,
            perimeter,
            false,
            null,
            false);
    SupportCaseEntity opened =
        registration
            .register(
                List.of(
                    new CaseRegistration.Request(
                        PersonRef.of(person), successor, perimeter, departement)))
            .get(0);
    transfers.saveAndFlush(
        new CaseTransferEntity(
            caseNumber, fromDepartement, opened.getCaseNumber(), departement, userId, now));
    starts.startAfterCommit(opened.getCaseNumber());
    return opened.getCaseNumber();
  }

  private static String checked(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    String problem = TextRules.checkLength(v, max, field);
    if (problem == null) {
      problem = TextRules.check(v, field);
    }
    if (problem != null) {
      throw new InvalidInputException(field, problem);
    }
    return v;
  }
}
