package fr.raccroche.pathway;

import java.util.Set;

/**
 * Which cases a person may see: all of them (supervisors, administrators), those of some perimeters
 * (coordinators), those oriented to some partners (caseworkers), or none.
 */
public record CaseScope(boolean all, Set<String> perimeterCodes, Set<String> partnerCodes) {
  public static final CaseScope NONE = new CaseScope(false, Set.of(), Set.of());
  public static final CaseScope ALL = new CaseScope(true, Set.of(), Set.of());

  public boolean isEmpty() {
    return !all && perimeterCodes.isEmpty() && partnerCodes.isEmpty();
  }

  public boolean covers(String perimeterCode, String referentPartnerCode) {
    return all
        || (perimeterCode != null && perimeterCodes.contains(perimeterCode))
        || (referentPartnerCode != null && partnerCodes.contains(referentPartnerCode));
  }
}
