package fr.raccroche.shared;

/**
 * A département is the unit of a deployment's territory, data and users (docs/specification.md §1
 * "Départements"): its code (INSEE: {@code 01}…{@code 95}, {@code 2A}, {@code 2B}, {@code 971}…) is
 * also the Camunda tenant id of everything that happens there (docs/adr/0010).
 */
public final class Departement {
  /**
   * The start variable that names a process instance's département; the engine's tenant id provider
   * makes it the instance's tenant (a called instance takes its caller's instead).
   */
  public static final String VARIABLE = "departement";

  private Departement() {}
}
