package fr.raccroche.pathway;

import java.util.Set;

/**
 * Which cases a person may see: all of them in some départements (supervisors: their own; {@code
 * departements} null: every département, for administrators and the application itself), those of
 * some perimeters (coordinators), those oriented to some partners (caseworkers), or none. A case's
 * département never changes (docs/specification.md §1 "Départements").
 *
 * <p>{@code perimeterCodes} of a scope that covers whole départements lists their perimeters too,
 * so that a check by perimeter alone ({@link #covers(String, String)}) stays within them.
 */
public record CaseScope(
    boolean all, Set<String> perimeterCodes, Set<String> partnerCodes, Set<String> departements) {
  public static final CaseScope NONE = new CaseScope(false, Set.of(), Set.of(), Set.of());
  public static final CaseScope ALL = new CaseScope(true, Set.of(), Set.of(), null);

  /** Perimeters' and partners' cases (or, with {@code all}, every case of every département). */
  public CaseScope(boolean all, Set<String> perimeterCodes, Set<String> partnerCodes) {
    this(all, perimeterCodes, partnerCodes, all ? null : Set.of());
  }

  /** Every case of these départements, whose perimeters are given too. */
  public static CaseScope departements(Set<String> departements, Set<String> theirPerimeters) {
    if (departements.isEmpty()) {
      return NONE;
    }
    return new CaseScope(true, Set.copyOf(theirPerimeters), Set.of(), Set.copyOf(departements));
  }

  /** True when every département is covered (administrators, the application). */
  public boolean everyDepartement() {
    return all && departements == null;
  }

  public boolean isEmpty() {
    return !all && perimeterCodes.isEmpty() && partnerCodes.isEmpty();
  }

  /** A case, by its département, perimeter and referent partner. */
  public boolean coversCase(String departement, String perimeterCode, String referentPartnerCode) {
    return (all && (departements == null || departements.contains(departement)))
        || covers(perimeterCode, referentPartnerCode);
  }

  /** A perimeter or a partner (a perimeter of a covered département counts). */
  public boolean covers(String perimeterCode, String referentPartnerCode) {
    return everyDepartement()
        || (perimeterCode != null && perimeterCodes.contains(perimeterCode))
        || (referentPartnerCode != null && partnerCodes.contains(referentPartnerCode));
  }
}
