package fr.raccroche.security.internal;

import java.util.Map;
import java.util.Set;

/** Read-only view of the engine-rest allow-lists, for the documentation and the tests. */
public final class EngineRestAllowListView {
  private EngineRestAllowListView() {}

  /** Role → endpoints ({@code METHOD template}) it may call; administrators call everything. */
  public static Map<String, Set<String>> byRole() {
    return EngineRestAllowList.byRole();
  }
}
