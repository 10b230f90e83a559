package fr.raccroche.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder recording of this JVM during one phase of a benchmark, summarised as where
 * the sampled Java CPU time goes: by the package of the frame on top of the stack (self time), and
 * by the parts of the stack that include a given layer (inclusive time). The recording is kept
 * under {@code target/} for {@code jfr print} or JDK Mission Control.
 */
final class JfrProfile {
  /** Layers counted inclusively (a sample counts for each one found anywhere in its stack). */
  private static final Map<String, String> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put("fr.raccroche.", "the application's code (delegates, listeners)");
    LAYERS.put("org.camunda.bpm.engine.impl.history.", "history events");
    LAYERS.put("org.camunda.bpm.engine.impl.db.", "engine persistence (flush, entity cache)");
    LAYERS.put("org.apache.ibatis.", "MyBatis");
    LAYERS.put("org.postgresql.", "PostgreSQL JDBC driver");
    LAYERS.put("com.zaxxer.hikari.", "Hikari pool");
    LAYERS.put("org.camunda.bpm.engine.impl.el.", "expression language");
    LAYERS.put("org.camunda.bpm.engine.impl.jobexecutor.", "job executor (acquisition, execution)");
    LAYERS.put("org.springframework.transaction.", "Spring transactions");
    LAYERS.put("ch.qos.logback.", "logging");
  }

  private final Recording recording;

  private JfrProfile(Recording recording) {
    this.recording = recording;
  }

  static JfrProfile start() throws Exception {
    Recording r = new Recording(Configuration.getConfiguration("default"));
    r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(20));
    r.start();
    return new JfrProfile(r);
  }

  String stopAndSummarise(String name) throws Exception {
    recording.stop();
    Path file = Path.of("target", name + ".jfr").toAbsolutePath();
    file.getParent().toFile().mkdirs();
    recording.dump(file);
    recording.close();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      samples++;
      String thread = e.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("\\d+$", "N"), 1, Integer::sum);
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (!frames.isEmpty()) {
        String top = frames.get(0).getMethod().getType().getName();
        int dot = top.lastIndexOf('.');
        self.merge(dot < 0 ? top : top.substring(0, dot), 1, Integer::sum);
      }
      for (String layer : LAYERS.keySet()) {
        for (RecordedFrame f : frames) {
          if (f.getMethod().getType().getName().startsWith(layer)) {
            inclusive.merge(layer, 1, Integer::sum);
            break;
          }
        }
      }
    }
    final int total = Math.max(1, samples);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(Locale.ROOT, "  JFR profile (%s, %d Java CPU samples):%n", file, samples));
    out.append("    threads: ").append(top(threads, total, 6)).append(System.lineSeparator());
    out.append("    self time by package: ")
        .append(top(self, total, 12))
        .append(System.lineSeparator());
    out.append("    inclusive time by layer:").append(System.lineSeparator());
    for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
      out.append(
          String.format(
              Locale.ROOT,
              "      %4.1f%% %s (%s)%n",
              100.0 * inclusive.getOrDefault(layer.getKey(), 0) / total,
              layer.getValue(),
              layer.getKey()));
    }
    return out.toString();
  }

  private static String top(Map<String, Integer> counts, int total, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100.0 * e.getValue() / total))
        .collect(Collectors.joining(", "));
  }
}
