package dev.plandev.cli;

import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The output of a command running on another thread, which a test can wait on: every write wakes
 * the test, which then looks for its text, so the test waits for the line itself rather than
 * sleeping and looking again.
 */
public final class AwaitableOutput extends StringWriter {
  /** Whether the writer still has something to say (its thread is alive); checked on each wake. */
  private final BooleanSupplier writerAlive;

  public AwaitableOutput() {
    this(() -> true);
  }

  public AwaitableOutput(BooleanSupplier writerAlive) {
    this.writerAlive = writerAlive;
  }

  @Override
  public void write(int c) {
    synchronized (this) {
      super.write(c);
      notifyAll();
    }
  }

  @Override
  public void write(char[] cbuf, int off, int len) {
    synchronized (this) {
      super.write(cbuf, off, len);
      notifyAll();
    }
  }

  @Override
  public void write(String str, int off, int len) {
    synchronized (this) {
      super.write(str, off, len);
      notifyAll();
    }
  }

  @Override
  public synchronized String toString() {
    return super.toString();
  }

  /**
   * Waits until the output contains {@code text} and returns the output so far.
   *
   * @param patience a deadline for a command that never prints it, not a figure under test
   * @throws AssertionError when the text has not come by then, or the writer has stopped
   */
  public synchronized String await(String text, Duration patience) throws InterruptedException {
    long end = System.nanoTime() + patience.toNanos();
    while (!super.toString().contains(text)) {
      long left = end - System.nanoTime();
      if (left <= 0 || !writerAlive.getAsBoolean()) {
        throw new AssertionError("no '" + text + "' in output: " + super.toString());
      }
      // Woken by the next write; the bound only re-checks whether the writer is still alive.
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
    }
    return super.toString();
  }
}
