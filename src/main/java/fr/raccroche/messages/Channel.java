package fr.raccroche.messages;

/** How a message travels. */
public enum Channel {
  SMS("SMS"),
  EMAIL("courriel");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
