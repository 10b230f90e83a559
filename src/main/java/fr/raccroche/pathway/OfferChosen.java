package fr.raccroche.pathway;

import java.time.LocalDate;

/**
 * Published in the transaction that completes Task_OrientToReferent when the coordinator picked an
 * offer of the local catalogue ({@code chosenOfferId}). No personal data.
 */
public record OfferChosen(
    String caseNumber,
    String perimeterCode,
    long offerId,
    String partnerCode,
    LocalDate chosenOn) {}
