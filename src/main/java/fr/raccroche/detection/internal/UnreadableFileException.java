package fr.raccroche.detection.internal;

/**
 * A file that cannot be read at all: refused whole, nothing is written. The message is French and
 * meant for the person who uploaded the file.
 */
public class UnreadableFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadableFileException(String frenchMessage) {
    super(frenchMessage);
  }
}
