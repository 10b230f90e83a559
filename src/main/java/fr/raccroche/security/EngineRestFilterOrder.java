package fr.raccroche.security;

/**
 * Servlet filter order on {@code /engine-rest/*}: the engine's HTTP Basic authentication runs at
 * {@link #AUTHENTICATION}; a filter that needs the engine's current authentication (role check,
 * access log) registers after it.
 */
public final class EngineRestFilterOrder {
  public static final int AUTHENTICATION = 0;
  public static final int ROLE_CHECK = AUTHENTICATION + 1;
  public static final int AFTER_ROLE_CHECK = AUTHENTICATION + 2;

  private EngineRestFilterOrder() {}
}
