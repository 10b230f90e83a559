package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.PersonDetails;
import java.time.Instant;

/**
 * What new details may change on a known young person's record (docs/intake.md). Names and birth
 * date never change: they are what matched. An INE or a sex the record lacks is always taken; an
 * INE is never replaced by another (that is a near match, for a human).
 */
public enum MergePolicy {
  /**
   * A source list (an import): lists are often months old, so a row completes the record — contact
   * details it lacks — and never overwrites what a coordinator or a fresher list recorded.
   */
  COMPLETE,

  /**
   * A coordinator's signalement within their own scope: what the young person just told them wins.
   * Each contact detail given replaces the stored one; a blank field changes nothing, except that a
   * new commune or postal code without a street clears the old street.
   */
  REPLACE_CONTACT_DETAILS;

  /** Applies {@code p} to {@code e}; answers whether the record changed. */
  public boolean apply(YoungPersonEntity e, PersonDetails p, Instant now) {
    boolean changed = false;
    if (e.getIne() == null && p.ine() != null) {
      e.setIne(p.ine());
      changed = true;
    }
    if (e.getSex() == null && p.sex() != null) {
      e.setSex(p.sex());
      changed = true;
    }
    boolean replace = this == REPLACE_CONTACT_DETAILS;
    if (replace ? replaceAddress(e, p) : completeAddress(e, p)) {
      changed = true;
    }
    if (take(replace, e.getPhone(), p.phone())) {
      e.setPhone(p.phone());
      changed = true;
    }
    if (take(replace, e.getEmail(), p.email())) {
      e.setEmail(p.email());
      changed = true;
    }
    if (take(replace, e.getLegalGuardian(), p.legalGuardian())) {
      e.setLegalGuardian(p.legalGuardian());
      changed = true;
    }
    if (take(replace, e.getGuardianPhone(), p.guardianPhone())) {
      e.setGuardianPhone(p.guardianPhone());
      changed = true;
    }
    if (changed) {
      e.setUpdatedAt(now);
    }
    return changed;
  }

  /** A list's address is taken only when the record has none (the block as a whole). */
  private static boolean completeAddress(YoungPersonEntity e, PersonDetails p) {
    boolean given = p.address() != null || p.postalCode() != null || p.communeCode() != null;
    boolean known =
        e.getAddress() != null || e.getPostalCode() != null || e.getCommuneCode() != null;
    if (!given || known) {
      return false;
    }
    e.setAddress(p.address());
    e.setPostalCode(p.postalCode());
    e.setCommuneCode(p.communeCode());
    e.setCommuneName(p.communeName());
    return true;
  }

  /**
   * Each part of the address given replaces the stored one; a move to another commune (or postal
   * code) without a street clears the stored street, which belonged to the old place.
   */
  private static boolean replaceAddress(YoungPersonEntity e, PersonDetails p) {
    boolean changed = false;
    boolean moved =
        p.communeCode() != null && !p.communeCode().equals(e.getCommuneCode())
            || p.postalCode() != null && !p.postalCode().equals(e.getPostalCode());
    if (p.address() != null && !p.address().equals(e.getAddress())) {
      e.setAddress(p.address());
      changed = true;
    } else if (p.address() == null && moved && e.getAddress() != null) {
      e.setAddress(null);
      changed = true;
    }
    if (p.postalCode() != null && !p.postalCode().equals(e.getPostalCode())) {
      e.setPostalCode(p.postalCode());
      changed = true;
    }
    if (p.communeCode() != null && !p.communeCode().equals(e.getCommuneCode())) {
      e.setCommuneCode(p.communeCode());
      changed = true;
    }
    if (p.communeName() != null && !p.communeName().equals(e.getCommuneName())) {
      e.setCommuneName(p.communeName());
      changed = true;
    }
    return changed;
  }

  private static boolean take(boolean replace, String stored, String given) {
    return given != null && (stored == null || replace && !given.equals(stored));
  }
}
