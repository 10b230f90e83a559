package fr.raccroche.pathway;

/** Why a case closed. */
public enum ClosureReason {
  SOLUTION_CONFIRMED("Solution confirmée"),
  NO_SOLUTION_AFTER_ONE_YEAR("Sans solution à un an"),
  RETURNED_TO_TRAINING("Retour en formation"),
  REFUSED("Refus de l'accompagnement"),
  UNREACHABLE("Injoignable"),
  TRANSFERRED("Transféré hors du département"),
  NOT_ELIGIBLE("Hors champ"),
  FALSE_DETECTION("Faux repérage"),
  WITHDRAWN("Retiré");

  private final String label;

  ClosureReason(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
