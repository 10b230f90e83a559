package fr.raccroche.territory;

/**
 * An INSEE commune of a perimeter: code (5 characters, e.g. {@code 69381}, {@code 2A004}) and name.
 */
public record Commune(String code, String name) {}
