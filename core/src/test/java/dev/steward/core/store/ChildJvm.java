package dev.steward.core.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A second JVM running a main class of the test sources on the test class path. */
final class ChildJvm implements AutoCloseable {
  private static final String EOF = "\u0000EOF";

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuffer stderr = new StringBuffer();

  private ChildJvm(Process process) {
    this.process = process;
    drain(process.getInputStream(), line -> lines.add(line), () -> lines.add(EOF));
    drain(process.getErrorStream(), line -> stderr.append(line).append('\n'), () -> {});
  }

  static ChildJvm start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(command).start());
  }

  /** Returns the next line of output starting with {@code prefix}, skipping others. */
  String awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(EOF)) {
        throw new AssertionError("the child JVM printed no line starting with '" + prefix + "' within " + timeout
            + (line == null ? "" : "; it exited with " + exitValueOrRunning()) + "; its error output:\n" + stderr);
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Returns every line up to the one equal to {@code last}, which must come within {@code timeout}. */
  List<String> linesUntil(String last, Duration timeout) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(EOF)) {
        throw new AssertionError("the child JVM did not print '" + last + "' within " + timeout + "; its error output:\n"
            + stderr);
      }
      if (line.equals(last)) {
        return seen;
      }
      seen.add(line);
    }
  }

  void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Kills the JVM at once, as a crash or {@code kill -9} would, and waits for it to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the child JVM did not die");
    }
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the child JVM did not exit within " + timeout);
    }
    return process.exitValue();
  }

  String stderr() {
    return stderr.toString();
  }

  private String exitValueOrRunning() {
    return process.isAlive() ? "(still running)" : String.valueOf(process.exitValue());
  }

  private static void drain(InputStream stream, java.util.function.Consumer<String> sink, Runnable atEnd) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          sink.accept(line);
        }
      } catch (IOException e) {
        // the process died; what was read is kept
      } finally {
        atEnd.run();
      }
    }, "child-jvm-drain");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
