package fr.raccroche.territory;

/**
 * An EPCI (établissement public de coopération intercommunale) of the official list: its SIREN
 * code, name and type ({@code CC}, {@code CA}, {@code CU}, {@code ME}, {@code MET69}).
 */
public record Epci(String code, String name, String type) {}
