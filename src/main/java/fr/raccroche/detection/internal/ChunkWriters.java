package fr.raccroche.detection.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands an import's rows, as the reader parses them, to {@code n} writer threads, in chunks. Rows
 * are dealt out by birth date: every match the import makes (same names and birth date, a near
 * match on the same birth date, the same row twice) falls within one writer (ADR 0006).
 *
 * <p>Each writer's rows are gathered {@link #SORTED_CHUNKS} chunks at a time, sorted by birth date
 * (a stable sort: rows of one birth date keep their file order), then cut into chunks: a chunk then
 * covers a few consecutive birth dates instead of hundreds of scattered ones, and the people it
 * must compare its rows with (everyone born on those dates) are fewer to fetch. Each writer's queue
 * holds at most two chunks: the reader waits for the writers, and memory stays flat whatever the
 * file's size. The first failure of a writer stops the others after their current chunk and is
 * thrown to the reader at its next hand-over.
 */
final class ChunkWriters implements AutoCloseable {
  /** A line refused (REJECTED, with its raw text) or out of scope (EXCLUDED, nothing kept). */
  record Rejection(long line, String outcome, String reason, String raw) {}

  /** Rows of the file handed to a writer: valid rows and refused lines, up to the byte read. */
  record Chunk(List<ParsedRow> rows, List<Rejection> rejected, long bytesDone) {}

  private static final Chunk END = new Chunk(List.of(), List.of(), 0);

  /** Chunks' worth of rows a writer's buffer gathers before it sorts them by birth date. */
  static final int SORTED_CHUNKS = 8;

  private static final Comparator<ParsedRow> BY_BIRTH_DATE =
      Comparator.comparing(p -> p.row().birthDate());

  private final int chunkRows;
  private final Consumer<Chunk> writer;

  /** Per writer: the rows gathered (up to SORTED_CHUNKS chunks) and the refused lines. */
  private final List<Chunk> open = new ArrayList<>();

  /** Per writer: the bytes read when its last chunk was handed over. */
  private final List<Long> handedOverAt = new ArrayList<>();

  private final List<BlockingQueue<Chunk>> queues = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private boolean finished;

  /** Starts {@code n} threads named {@code name-i}, each calling {@code writer} chunk by chunk. */
  ChunkWriters(String name, int n, int chunkRows, Consumer<Chunk> writer) {
    this.chunkRows = chunkRows;
    this.writer = writer;
    for (int i = 0; i < n; i++) {
      open.add(newChunk());
      handedOverAt.add(0L);
      BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(2);
      queues.add(queue);
      Thread t = new Thread(() -> write(queue), name + "-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private Chunk newChunk() {
    return new Chunk(new ArrayList<>(chunkRows * SORTED_CHUNKS), new ArrayList<>(), 0);
  }

  void add(ParsedRow row, long bytesDone) throws InterruptedException {
    int i = Math.floorMod(row.row().birthDate().hashCode(), open.size());
    open.get(i).rows().add(row);
    handOverIfFull(i, bytesDone);
  }

  void reject(Rejection rejection, long bytesDone) throws InterruptedException {
    int i = (int) Math.floorMod(rejection.line(), (long) open.size());
    open.get(i).rejected().add(rejection);
    handOverIfFull(i, bytesDone);
  }

  private void handOverIfFull(int i, long bytesDone) throws InterruptedException {
    Chunk c = open.get(i);
    if (c.rows().size() >= chunkRows * SORTED_CHUNKS || c.rejected().size() >= chunkRows) {
      handOver(i, bytesDone);
    }
  }

  /**
   * Sorts writer {@code i}'s gathered rows by birth date and hands them over in chunks of {@code
   * chunkRows}, the refused lines with the first. Each chunk's bytes done are interpolated between
   * the last hand-over and {@code bytesDone}, so that progress moves as the chunks are written.
   */
  private void handOver(int i, long bytesDone) throws InterruptedException {
    Chunk c = open.get(i);
    open.set(i, newChunk());
    List<ParsedRow> rows = c.rows();
    rows.sort(BY_BIRTH_DATE);
    int chunks = Math.max(1, (rows.size() + chunkRows - 1) / chunkRows);
    long from = handedOverAt.get(i);
    handedOverAt.set(i, bytesDone);
    for (int k = 0; k < chunks; k++) {
      List<ParsedRow> part =
          new ArrayList<>(rows.subList(k * chunkRows, Math.min(rows.size(), (k + 1) * chunkRows)));
      List<Rejection> rejected = k == 0 ? c.rejected() : List.of();
      put(i, new Chunk(part, rejected, from + (bytesDone - from) * (k + 1) / chunks));
    }
  }

  private void put(int i, Chunk chunk) throws InterruptedException {
    while (!queues.get(i).offer(chunk, 200, TimeUnit.MILLISECONDS)) {
      rethrowFailure();
    }
    rethrowFailure();
  }

  /** Hands over the last rows and waits until every chunk is written; rethrows a failure. */
  void finish(long bytesDone) throws InterruptedException {
    for (int i = 0; i < open.size(); i++) {
      if (!open.get(i).rows().isEmpty() || !open.get(i).rejected().isEmpty()) {
        handOver(i, bytesDone);
      }
    }
    for (int i = 0; i < queues.size(); i++) {
      put(i, END);
    }
    for (Thread t : threads) {
      t.join();
    }
    finished = true;
    rethrowFailure();
  }

  private void rethrowFailure() {
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    } else if (t instanceof Error e) {
      throw e;
    } else if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  private void write(BlockingQueue<Chunk> queue) {
    try {
      for (Chunk c = queue.take(); c != END; c = queue.take()) {
        if (failure.get() == null) {
          writer.accept(c);
        }
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, e);
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
      queue.clear(); // the reader stops at its next hand-over
    }
  }

  /** Without {@link #finish}: the writers drop what is queued and stop after their chunk. */
  @Override
  public void close() throws InterruptedException {
    if (finished) {
      return;
    }
    failure.compareAndSet(null, new IllegalStateException("Import stopped"));
    for (BlockingQueue<Chunk> queue : queues) {
      queue.clear();
      queue.offer(END);
    }
    for (Thread t : threads) {
      t.join(60_000);
    }
  }
}
