package fr.raccroche.territory;

/** The perimeter a place routes to, and which of the given codes decided it. */
public record Routing(String perimeterCode, RoutedBy routedBy) {

  /** Which code decided the perimeter, in the order they are tried. */
  public enum RoutedBy {
    COMMUNE_CODE,
    POSTAL_CODE,
    UAI
  }
}
