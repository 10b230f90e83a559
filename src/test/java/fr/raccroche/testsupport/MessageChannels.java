package fr.raccroche.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The messages' real channels for the integration tests, inside the test JVM: an SMTP server
 * (GreenMail) and a local HTTP server standing for the SMS provider (Brevo's transactional SMS API:
 * {@code POST /v3/transactionalSMS/send}, {@code api-key} header, 201 {@code {"messageId":…}}),
 * which a test can make answer errors. The application is pointed at both; its send-message worker
 * does not poll (tests call {@code MessageWorker.runOnce()}).
 */
public class MessageChannels
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  public static final String SMS_API_KEY = "test-api-key";
  public static final String WEBHOOK_TOKEN = "test-webhook-token";

  /** The SMTP server. */
  public static final GreenMail SMTP =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  /** The SMS provider. */
  public static final SmsProviderStub SMS = new SmsProviderStub();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    synchronized (MessageChannels.class) {
      if (!SMTP.isRunning()) {
        SMTP.start();
      }
      SMS.start();
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "raccroche-test-message-channels",
                Map.of(
                    "spring.mail.host",
                    "127.0.0.1",
                    "spring.mail.port",
                    String.valueOf(SMTP.getSmtp().getPort()),
                    "raccroche.messages.sms.provider",
                    "brevo",
                    "raccroche.messages.sms.base-url",
                    SMS.baseUrl(),
                    "raccroche.messages.sms.token",
                    SMS_API_KEY,
                    "raccroche.messages.sms.webhook-token",
                    WEBHOOK_TOKEN,
                    "raccroche.messages.worker.enabled",
                    "false")));
  }

  /** One request the stub received. */
  public record SmsRequest(String apiKey, String body, int answeredStatus) {}

  /** Stands for Brevo; answers 201 unless told otherwise. */
  public static final class SmsProviderStub {
    private HttpServer server;
    private final List<SmsRequest> received = new ArrayList<>();
    private final Deque<int[]> scripted = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1511882900176220L);

    synchronized void start() {
      if (server != null) {
        return;
      }
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.createContext("/v3/transactionalSMS/send", this::handle);
      server.start();
    }

    public String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
    }

    /** The next {@code times} requests get this status (with a Brevo-like error body). */
    public synchronized void answer(int status, int times) {
      for (int i = 0; i < times; i++) {
        scripted.add(new int[] {status});
      }
    }

    public synchronized List<SmsRequest> received() {
      return List.copyOf(received);
    }

    public synchronized void reset() {
      received.clear();
      scripted.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int status;
      synchronized (this) {
        int[] next = scripted.poll();
        status = next == null ? 201 : next[0];
        received.add(
            new SmsRequest(exchange.getRequestHeaders().getFirst("api-key"), body, status));
      }
      String answer =
          status == 201
              ? "{\"messageId\":" + ids.incrementAndGet() + "}"
              : status == 400
                  ? "{\"code\":\"invalid_parameter\",\"message\":\"Invalid phone number\"}"
                  : "{\"code\":\"internal_error\",\"message\":\"Service unavailable\"}";
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
