package fr.raccroche.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small HTTP client for the tests, as a browser or an API client sees the app: no redirect
 * following, and a cookie jar per instance (one instance = one browser session).
 */
public final class Http {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private final String base;
  private final HttpClient client;

  public Http(int port) {
    this.base = "http://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build();
  }

  public HttpResponse<String> get(String path) {
    // As a browser: pages wanted first.
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .GET()
            .build());
  }

  /** An anonymous call as a script or an XHR makes it: JSON wanted. */
  public HttpResponse<String> getJson(String path) {
    return send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .GET()
            .build());
  }

  public HttpResponse<String> putJson(String path, String json, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> postJson(String path, String json, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A JSON POST without credentials (a page's script of a stranger, or a bare client). */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A JSON POST in this session (its cookies), with extra headers (a web app's XSRF token). */
  public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** Any method, with HTTP Basic and an optional JSON body. */
  public HttpResponse<String> send(String method, String path, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /** A GET with extra headers (a browser's, for instance). */
  public HttpResponse<String> get(
      String path, String user, String password, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET();
    headers.forEach(request::header);
    return send(request.build());
  }

  /** A multipart upload of one file in the field "file", as a browser or curl -F sends it. */
  public HttpResponse<String> postFile(
      String path, String fileName, byte[] content, String user, String password) {
    String boundary = "----raccroche" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /**
   * A multipart form of a page, as the browser of a signed-in user sends it: text fields (the CSRF
   * token among them) and one file in the field "file".
   */
  public HttpResponse<String> postPageForm(
      String path, Map<String, String> fields, String fileName, byte[] content) {
    String boundary = "----raccroche" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    return postForm(path, fields, Map.of());
  }

  public HttpResponse<String> postForm(
      String path, Map<String, String> fields, Map<String, String> headers) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** Signs in through the login page (with its CSRF token), as a browser does. */
  public HttpResponse<String> signIn(String user, String password) {
    String token = csrfToken(get("/login").body());
    return postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
  }

  /**
   * Opens a Camunda web app as a person does since issue 23: signed in once on the app's login
   * page, then the web app's page, with no second sign-in. Answers 401 when the sign-in is refused,
   * else the status of the web app's page (403 without the right to that app).
   */
  public int camundaLogin(String app, String user, String password) {
    HttpResponse<String> signedIn = signIn(user, password);
    if (signedIn.headers().firstValue("Location").orElse("").contains("/login?error")) {
      return 401;
    }
    return get("/camunda/app/" + app + "/default/").statusCode();
  }

  /** The web app's XSRF token of this session (sent with every web app API write). */
  public String webappXsrfToken(String app) {
    return get("/camunda/app/" + app + "/default/")
        .headers()
        .firstValue("X-XSRF-TOKEN")
        .orElseThrow(() -> new AssertionError("No XSRF token from the web app"));
  }

  public static String csrfToken(String html) {
    Matcher matcher = CSRF.matcher(html);
    if (!matcher.find()) {
      throw new AssertionError("No CSRF token in page");
    }
    return matcher.group(1);
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
