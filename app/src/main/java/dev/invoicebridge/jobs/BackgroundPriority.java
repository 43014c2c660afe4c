package dev.invoicebridge.jobs;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that yield the CPU to requests: on Linux each one lowers its own scheduling
 * priority to {@link #NICE} as it starts ({@code setpriority} on its thread id, which needs no
 * privilege), so that when the machine is busy the kernel runs request threads first and the
 * background work takes what is left. A webhook delivery is acknowledged in a millisecond while
 * events are applied meanwhile, rather than waiting its turn behind them. Elsewhere, or where the C
 * library does not offer the calls, the threads run at normal priority.
 */
public final class BackgroundPriority {
  /** The nice value of background threads: CFS gives a request thread (nice 0) ten times more. */
  public static final int NICE = 10;

  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
  private static final int PRIO_PROCESS = 0;
  private static final Optional<Calls> CALLS = Calls.find();

  private BackgroundPriority() {}

  /** Platform threads named {@code prefix1, prefix2, …}, each at background priority. */
  public static ThreadFactory threads(String prefix) {
    ThreadFactory platform = Thread.ofPlatform().name(prefix, 1).factory();
    return task ->
        platform.newThread(
            () -> {
              lowerCurrentThread();
              task.run();
            });
  }

  /** Whether this platform lowers thread priorities (Linux with glibc or musl). */
  public static boolean supported() {
    return CALLS.isPresent();
  }

  /** Lowers the calling thread's priority to {@link #NICE} where that is possible. */
  private static void lowerCurrentThread() {
    if (CALLS.isEmpty()) {
      return;
    }
    try {
      int tid = (int) CALLS.get().gettid().invokeExact();
      int result = (int) CALLS.get().setpriority().invokeExact(PRIO_PROCESS, tid, NICE);
      if (result != 0) {
        log.debug("Could not lower the priority of {}", Thread.currentThread().getName());
      }
    } catch (Throwable e) {
      log.debug("Could not lower the priority of {}", Thread.currentThread().getName(), e);
    }
  }

  /** The two C library calls, found once. */
  private record Calls(MethodHandle gettid, MethodHandle setpriority) {
    @SuppressWarnings("restricted")
    static Optional<Calls> find() {
      if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
        return Optional.empty();
      }
      try {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        return libc.find("gettid")
            .flatMap(
                gettid ->
                    libc.find("setpriority")
                        .map(
                            setpriority ->
                                new Calls(
                                    linker.downcallHandle(gettid, FunctionDescriptor.of(JAVA_INT)),
                                    linker.downcallHandle(
                                        setpriority,
                                        FunctionDescriptor.of(
                                            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)))));
      } catch (RuntimeException | LinkageError e) {
        log.info("Background threads run at normal priority: {}", e.getMessage());
        return Optional.empty();
      }
    }
  }
}
