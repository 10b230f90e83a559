package fr.raccroche.security.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * Every endpoint of Camunda's REST API (the one behind {@code /engine-rest} and the web apps'
 * {@code /camunda/api/engine/engine/<name>}), read by reflection from the JAX-RS resources Camunda
 * registers: root resources, their sub-resource locators, recursively. A new endpoint of a future
 * Camunda appears here by itself, and is refused until an allow-list names it.
 *
 * <p>Paths are relative to the default engine ({@code /task/{id}/complete}); {@code
 * /engine/{name}/…} is the same endpoint for a named engine.
 */
public final class EngineRestEndpoints {
  /** One endpoint: HTTP method and path template as JAX-RS declares it. */
  public record Endpoint(String method, String template, Pattern pattern, int literals) {
    static Endpoint of(String method, String template) {
      StringBuilder regex = new StringBuilder();
      int literals = 0;
      for (String segment : template.split("/")) {
        if (segment.isEmpty()) {
          continue;
        }
        regex.append('/');
        if (segment.startsWith("{")) {
          // {name} or {name: regex}: one segment (Camunda's own regexes are all one segment).
          regex.append("[^/]+");
        } else {
          regex.append(Pattern.quote(segment));
          literals++;
        }
      }
      return new Endpoint(
          method, template, Pattern.compile(regex.isEmpty() ? "/?" : regex + "/?"), literals);
    }

    public String key() {
      return method + " " + template;
    }
  }

  private static final String NAMED_ENGINE = "/engine/{name}";
  private static final List<Endpoint> ALL = scan();

  private EngineRestEndpoints() {}

  /** Every endpoint, sorted by path then method. */
  public static List<Endpoint> all() {
    return ALL;
  }

  /**
   * The endpoint a request reaches, as JAX-RS would pick it: among those whose template matches,
   * the one with the most literal segments ({@code /task/count} before {@code /task/{id}}).
   */
  public static Optional<Endpoint> resolve(String method, String relativePath) {
    String path = relativePath.isEmpty() ? "/" : relativePath;
    return ALL.stream()
        .filter(e -> e.method().equals(method) && e.pattern().matcher(path).matches())
        .max(Comparator.comparingInt(Endpoint::literals));
  }

  /**
   * The path below the engine: {@code /engine-rest/task} and {@code
   * /camunda/api/engine/engine/default/task} both give {@code /task}; {@code
   * /engine-rest/engine/default/task} too. Null for a path outside the engine API.
   */
  public static String relativePath(String pathWithinApplication) {
    String path;
    if (pathWithinApplication.startsWith("/engine-rest")) {
      path = pathWithinApplication.substring("/engine-rest".length());
    } else if (pathWithinApplication.startsWith("/camunda/api/engine")) {
      path = pathWithinApplication.substring("/camunda/api/engine".length());
    } else {
      return null;
    }
    if (path.equals("/engine") || path.equals("/engine/")) {
      return "/engine";
    }
    if (path.startsWith("/engine/")) {
      int next = path.indexOf('/', "/engine/".length());
      path = next < 0 ? "/" : path.substring(next);
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.isEmpty() ? "/" : path;
  }

  private static List<Endpoint> scan() {
    Set<String> keys = new TreeSet<>();
    for (Class<?> root : CamundaRestResources.getResourceClasses()) {
      Path path = root.getAnnotation(Path.class);
      if (path != null) {
        walk(root, normalise(path.value()), keys, new HashSet<>());
      }
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (String key : keys) {
      int space = key.indexOf(' ');
      endpoints.add(Endpoint.of(key.substring(0, space), key.substring(space + 1)));
    }
    endpoints.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::method));
    return List.copyOf(endpoints);
  }

  private static void walk(Class<?> type, String prefix, Set<String> keys, Set<String> seen) {
    if (!seen.add(type.getName() + prefix) || prefix.length() > 400) {
      return;
    }
    for (Method method : type.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || method.isBridge()) {
        continue;
      }
      Path path = annotation(type, method, Path.class);
      String http = httpMethod(type, method);
      String full = normalise(prefix + (path == null ? "" : "/" + path.value()));
      if (full.startsWith(NAMED_ENGINE + "/") || full.equals(NAMED_ENGINE)) {
        full = normalise(full.substring(NAMED_ENGINE.length()));
      }
      if (http != null) {
        keys.add(http + " " + full);
      } else if (path != null) {
        walk(method.getReturnType(), full, keys, seen);
      }
    }
  }

  /** JAX-RS annotations may sit on the method, or on the interface method it implements. */
  private static <A extends Annotation> A annotation(
      Class<?> type, Method method, Class<A> annotation) {
    A found = method.getAnnotation(annotation);
    if (found != null) {
      return found;
    }
    for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
      for (Class<?> face : candidate.getInterfaces()) {
        try {
          found =
              face.getMethod(method.getName(), method.getParameterTypes())
                  .getAnnotation(annotation);
          if (found != null) {
            return found;
          }
        } catch (NoSuchMethodException e) {
          // not declared by this interface
        }
      }
    }
    return null;
  }

  private static String httpMethod(Class<?> type, Method method) {
    for (Annotation a : method.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
      for (Class<?> face : candidate.getInterfaces()) {
        try {
          for (Annotation a :
              face.getMethod(method.getName(), method.getParameterTypes()).getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
              return http.value();
            }
          }
        } catch (NoSuchMethodException e) {
          // not declared by this interface
        }
      }
    }
    return null;
  }

  private static String normalise(String path) {
    String p = ("/" + path).replaceAll("/+", "/");
    // {id: .+} and the like: the name only.
    p = p.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
