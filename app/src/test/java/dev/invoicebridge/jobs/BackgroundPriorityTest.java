package dev.invoicebridge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

public class BackgroundPriorityTest {
  public static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

  @Test
  void background_threads_run_nicer_than_the_thread_that_made_them() throws Exception {
    assumeTrue(Files.isReadable(OWN_STAT), "the kernel's per-thread stat is Linux only");
    assumeTrue(ownNice() < BackgroundPriority.NICE, "the tests already run at background priority");
    assertThat(BackgroundPriority.supported()).isTrue();
    CompletableFuture<Integer> nice = new CompletableFuture<>();
    CompletableFuture<String> name = new CompletableFuture<>();
    Thread thread =
        BackgroundPriority.threads("test-background-")
            .newThread(
                () -> {
                  name.complete(Thread.currentThread().getName());
                  nice.complete(ownNice());
                });
    thread.start();

    assertThat(nice.get(10, TimeUnit.SECONDS)).isEqualTo(BackgroundPriority.NICE);
    assertThat(name.get()).isEqualTo("test-background-1");
    // Only the background thread changed: this one (as request threads) kept its priority.
    assertThat(ownNice()).isLessThan(BackgroundPriority.NICE);
  }

  /**
   * The calling thread's nice value: field 19 of its stat line (the command name, field 2, may hold
   * spaces). Linux only.
   */
  public static int ownNice() {
    try {
      String stat = Files.readString(OWN_STAT);
      String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(after[16]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
