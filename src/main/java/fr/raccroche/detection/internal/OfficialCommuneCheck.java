package fr.raccroche.detection.internal;

import fr.raccroche.territory.OfficialCommune;
import fr.raccroche.territory.OfficialCommunes;
import fr.raccroche.territory.RoutingTable;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a row's place against the official commune list and the installation's département. A
 * place that a perimeter covers is never "hors département", whatever its département: a perimeter
 * may take in a neighbouring commune.
 */
final class OfficialCommuneCheck implements CommuneCheck {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

  private final OfficialCommunes communes;
  private final RoutingTable routing;
  private final String departement;

  OfficialCommuneCheck(OfficialCommunes communes, RoutingTable routing, String departement) {
    this.communes = communes;
    this.routing = routing;
    this.departement = departement;
  }

  @Override
  public Verdict check(String communeCode, String postalCode, String communeName) {
    if (communeCode != null) {
      OfficialCommune commune = communes.commune(communeCode).orElse(null);
      if (commune == null) {
        return new Verdict(
            Outcome.REJECTED,
            null,
            "Code commune inconnu : « "
                + communeCode
                + " » n'est pas dans la liste officielle des communes (COG). Vérifiez le code"
                + " INSEE (à ne pas confondre avec le code postal).");
      }
      boolean covered = routing.route(communeCode, null, null).isPresent();
      if (!covered && !departement.equals(commune.departement())) {
        return new Verdict(Outcome.EXCLUDED, null, foreign(commune));
      }
      if (postalCode != null && !communes.servesPostalCode(commune, postalCode)) {
        return new Verdict(
            Outcome.WARNING,
            null,
            "le code postal "
                + postalCode
                + " ne correspond pas à la commune "
                + commune.code()
                + " ("
                + commune.name()
                + (commune.postalCodes().isEmpty()
                    ? ""
                    : ", " + String.join(" ou ", commune.postalCodes().stream().limit(3).toList()))
                + ") : le dossier est affecté selon la commune.");
      }
      return Verdict.ok(null);
    }
    if (postalCode == null) {
      return Verdict.ok(null);
    }
    List<OfficialCommune> served = communes.byPostalCode(postalCode);
    if (served.isEmpty()) {
      return Verdict.ok(null); // a CEDEX or special code: routed by the postal code as it is
    }
    List<OfficialCommune> candidates = served;
    if (communeName != null) {
      String name = fold(communeName);
      List<OfficialCommune> named =
          served.stream().filter(c -> sameName(fold(c.name()), name)).toList();
      if (!named.isEmpty()) {
        candidates = named;
      }
    }
    boolean covered = routing.route(null, postalCode, null).isPresent();
    if (!covered
        && candidates.stream().noneMatch(c -> departement.equals(c.departement()))
        && candidates.stream().noneMatch(c -> routing.route(c.code(), null, null).isPresent())) {
      OfficialCommune first = candidates.get(0);
      return new Verdict(
          Outcome.EXCLUDED,
          null,
          "Hors département : le code postal "
              + postalCode
              + " est celui de "
              + (candidates.size() == 1 ? first.name() : "communes")
              + " du département "
              + first.departement()
              + ". La liste ne concerne que le département "
              + departement
              + " : la ligne n'est pas enregistrée.");
    }
    return Verdict.ok(candidates.size() == 1 ? candidates.get(0).code() : null);
  }

  private String foreign(OfficialCommune commune) {
    return "Hors département : la commune "
        + commune.code()
        + " ("
        + commune.name()
        + ") est dans le département "
        + commune.departement()
        + ". La liste ne concerne que le département "
        + departement
        + " : la ligne n'est pas enregistrée.";
  }

  /** "Lyon" names "Lyon 3e Arrondissement"; otherwise the names must be equal once folded. */
  private static boolean sameName(String official, String written) {
    return official.equals(written)
        || official.startsWith(written + "arrondissement")
        || official.matches(Pattern.quote(written) + "\\d+(er|e)arrondissement");
  }

  private static String fold(String s) {
    String t = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    t = t.toLowerCase(Locale.ROOT).replace("saint", "st");
    return NOT_ALNUM.matcher(t).replaceAll("");
  }
}
