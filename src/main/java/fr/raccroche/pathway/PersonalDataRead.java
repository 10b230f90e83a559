package fr.raccroche.pathway;

import java.util.List;

/**
 * A person read young people's personal data: published by every surface that shows it (case page,
 * cases API, lists with names, Tasklist forms), for the access log. {@code surface} says which
 * (e.g. {@code CASE_API}); {@code remoteAddress} where from. No personal data of the young people.
 */
public record PersonalDataRead(
    String userId, String remoteAddress, String surface, List<String> caseNumbers) {}
