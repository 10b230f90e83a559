package fr.raccroche.pathway;

/** Kinds of solution a young person may reach. */
public enum SolutionType {
  RETURN_TO_SCHOOL("Retour en formation initiale"),
  APPRENTICESHIP("Apprentissage"),
  VOCATIONAL_TRAINING("Formation professionnelle"),
  SECOND_CHANCE_SCHOOL("École de la deuxième chance"),
  EPIDE("EPIDE"),
  CIVIC_SERVICE("Service civique"),
  EMPLOYMENT("Emploi"),
  SUPPORT_PROGRAMME("Dispositif d'accompagnement"),
  MEDICO_SOCIAL("Prise en charge médico-sociale"),
  OTHER("Autre");

  private final String label;

  SolutionType(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
