package fr.raccroche.security;

/**
 * Servlet filter order on {@code /engine-rest/*}: the engine's HTTP Basic authentication runs at
 * {@link #AUTHENTICATION}; a filter that needs the engine's current authentication (role check,
 * access log) registers after it.
 */
public final class EngineRestFilterOrder {
  public static final int AUTHENTICATION = 0;
  public static final int ROLE_CHECK = AUTHENTICATION + 1;

  /** The engine API guard (allow-list, task form fields, French errors). */
  public static final int GUARD = AUTHENTICATION + 2;

  public static final int AFTER_ROLE_CHECK = AUTHENTICATION + 3;

  private EngineRestFilterOrder() {}
}
