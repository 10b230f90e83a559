package fr.raccroche.coordination;

import fr.raccroche.security.Roles;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.TerritoryCodes;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who edits an offer: administrators and supervisors any; a coordinator the offers of partners
 * serving their perimeter (or the whole département); a caseworker their own partner's only.
 */
final class OfferRights {
  private OfferRights() {}

  static boolean canEdit(Authentication who, Partner partner) {
    Set<String> authorities =
        who.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet());
    if (authorities.contains("ROLE_" + Roles.ADMIN)) {
      return true;
    }
    boolean sameDepartement =
        authorities.contains(Roles.TENANT_AUTHORITY_PREFIX + partner.departement());
    if (authorities.contains("ROLE_" + Roles.SUPERVISOR) && sameDepartement) {
      return true;
    }
    if (authorities.contains(
        Roles.GROUP_AUTHORITY_PREFIX + TerritoryCodes.partnerGroup(partner.code()))) {
      return true;
    }
    if (partner.departementWide()
        && sameDepartement
        && authorities.contains("ROLE_" + Roles.COORDINATOR)) {
      return true;
    }
    return partner.perimeterCodes().stream()
        .anyMatch(
            p ->
                authorities.contains(
                    Roles.GROUP_AUTHORITY_PREFIX + TerritoryCodes.coordinatorGroup(p)));
  }

  static void checkCanEdit(Authentication who, Partner partner) {
    if (!canEdit(who, partner)) {
      throw new AccessDeniedException(
          "Vous ne pouvez modifier que les offres de votre structure ou de votre périmètre.");
    }
  }
}
