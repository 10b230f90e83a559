package fr.raccroche.shared;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Refreshes the planner's statistics on a thread of its own while a bulk load grows the tables:
 * once {@code first} rows are done, then at every ×4, one refresh at a time. The load never waits
 * for it: an {@code ANALYZE} takes up to a second at 100,000 young people, and blocks no write.
 */
public final class BackgroundStatistics implements AutoCloseable {
  private final Runnable refresh;
  private final ExecutorService thread;
  private long next;
  private Future<?> running;

  public BackgroundStatistics(String threadName, Runnable refresh, long first) {
    this.refresh = refresh;
    this.next = first;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /** Rows done so far: starts a refresh when a threshold is passed and none is running. */
  public synchronized void progress(long done) {
    if (done >= next && (running == null || running.isDone())) {
      running = thread.submit(refresh);
      while (next <= done) {
        next *= 4;
      }
    }
  }

  /** A running refresh ends on its own. */
  @Override
  public void close() {
    thread.shutdown();
  }
}
