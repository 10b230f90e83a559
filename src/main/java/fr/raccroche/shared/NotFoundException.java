package fr.raccroche.shared;

/** Something asked for by code or id does not exist. The message is French, shown to users. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String frenchMessage) {
    super(frenchMessage);
  }
}
