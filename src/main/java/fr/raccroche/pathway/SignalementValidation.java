package fr.raccroche.pathway;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules a signalement must meet before anything is written (French messages naming the field):
 * names and birth date present, ages per {@link Eligibility}, dates not in the future nor before
 * birth, well-formed INE, sex and codes; and the perimeter the case goes to.
 */
@Component
class SignalementValidation {
  private final TerritoryService territory;
  private final Clock clock;

  SignalementValidation(TerritoryService territory, Optional<Clock> clock) {
    this.territory = territory;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** The person's details, normalised; or the first rule broken. */
  PersonDetails validate(NewCase request) {
    PersonDetails p = request.person();
    if (p == null) {
      throw new InvalidInputException("person", "Les informations sur le jeune sont obligatoires.");
    }
    require(p.lastName(), "lastName", "Le nom est obligatoire.");
    require(p.firstName(), "firstName", "Le prénom est obligatoire.");
    if (p.birthDate() == null) {
      throw new InvalidInputException("birthDate", "La date de naissance est obligatoire.");
    }
    LocalDate today = LocalDate.now(clock);
    if (p.birthDate().isAfter(today)) {
      throw new InvalidInputException(
          "birthDate", "La date de naissance ne peut pas être dans le futur.");
    }
    switch (Eligibility.of(p.birthDate(), today)) {
      case UNDER_MINIMUM ->
          throw new InvalidInputException(
              "birthDate",
              "Le jeune a moins de "
                  + Eligibility.MIN_AGE
                  + " ans : il relève de l'obligation scolaire, pas de Raccroche.");
      case IMPLAUSIBLE ->
          throw new InvalidInputException(
              "birthDate",
              "Date de naissance invraisemblable (" + Eligibility.PLAUSIBLE_AGE + " ans ou plus).");
      default -> {}
    }
    if (request.detectedOn() != null && request.detectedOn().isAfter(today)) {
      throw new InvalidInputException(
          "detectedOn", "La date de repérage ne peut pas être dans le futur.");
    }
    if (request.leavingDate() != null) {
      if (request.leavingDate().isAfter(today)) {
        throw new InvalidInputException(
            "leavingDate", "La date de sortie ne peut pas être dans le futur.");
      }
      if (!request.leavingDate().isAfter(p.birthDate())) {
        throw new InvalidInputException(
            "leavingDate", "La date de sortie précède la date de naissance.");
      }
    }
    String ine = Ine.normalise(p.ine());
    if (ine != null && !Ine.isValid(ine)) {
      throw new InvalidInputException("ine", Ine.INVALID);
    }
    if (p.sex() != null && !p.sex().isBlank() && !List.of("M", "F").contains(p.sex().strip())) {
      throw new InvalidInputException("sex", "Sexe invalide : M ou F attendu.");
    }
    String commune = TerritoryCodes.normaliseCommuneCode(p.communeCode());
    if (commune != null && !TerritoryCodes.isCommuneCode(commune)) {
      throw new InvalidInputException(
          "communeCode", "Code commune INSEE invalide : « " + p.communeCode() + " ».");
    }
    String postal = TerritoryCodes.normalisePostalCode(p.postalCode());
    if (postal != null && !TerritoryCodes.isPostalCode(postal)) {
      throw new InvalidInputException(
          "postalCode", "Code postal invalide : « " + p.postalCode() + " ».");
    }
    String uai = TerritoryCodes.normaliseUai(request.uai());
    if (uai != null && !TerritoryCodes.isUai(uai)) {
      throw new InvalidInputException("uai", "Code UAI invalide : « " + request.uai() + " ».");
    }
    if (p.email() != null && !p.email().isBlank() && !p.email().contains("@")) {
      throw new InvalidInputException("email", "Adresse électronique invalide.");
    }
    if (request.followedByPartnerCode() != null
        && !territory.partnerExists(request.followedByPartnerCode())) {
      throw new InvalidInputException(
          "followedByPartnerCode", "Partenaire inconnu : " + request.followedByPartnerCode() + ".");
    }
    return new PersonDetails(
        ine,
        p.lastName().strip(),
        p.firstName().strip(),
        p.sex() == null || p.sex().isBlank() ? null : p.sex().strip(),
        p.birthDate(),
        trim(p.address(), 300),
        postal,
        commune,
        trim(p.communeName(), 100),
        trim(p.phone(), 30),
        trim(p.email(), 200),
        trim(p.legalGuardian(), 200),
        trim(p.guardianPhone(), 30));
  }

  /** The perimeter given (it must exist), else the one the place routes to. */
  String perimeterOf(NewCase request, PersonDetails person) {
    String perimeter = request.perimeterCode();
    if (perimeter == null) {
      return territory
          .route(person.communeCode(), person.postalCode(), request.uai())
          .map(r -> r.perimeterCode())
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      "communeCode",
                      "Aucun périmètre ne couvre la commune, le code postal ou l'établissement"
                          + " indiqués."));
    }
    if (!territory.perimeterExists(perimeter)) {
      throw new InvalidInputException("perimeterCode", "Périmètre inconnu : " + perimeter + ".");
    }
    return perimeter;
  }

  private static void require(String value, String field, String message) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, message);
    }
  }

  private static String trim(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    return v.length() > max ? v.substring(0, max) : v;
  }
}
