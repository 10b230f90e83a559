package fr.raccroche.pathway;

import java.util.List;

/**
 * Published in the transaction that anonymised a young person's record: the modules that keep
 * personal data of their own about the person (source listings, review processes, Camunda history)
 * erase it in the same transaction. Carries no personal data.
 */
public record PersonErased(
    long personId, List<String> caseNumbers, List<String> processInstanceIds) {}
