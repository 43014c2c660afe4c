package dev.invoicebridge.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Where a shared machine's CPU went during a phase: the service, this sender, the emulators, the
 * database server, and everything else (other users of the machine included). Linux only: the
 * machine's total comes from {@code /proc/stat}; elsewhere it is unknown and only the processes are
 * shown.
 */
record CpuShares(
    Duration wall,
    Optional<Duration> machine,
    Duration service,
    Duration sender,
    Duration emulators,
    Duration database) {

  /** CPU used so far, by the machine and by each process of the run. */
  record Snapshot(
      long atNanos,
      Optional<Duration> machine,
      Duration sender,
      Duration emulators,
      Duration database) {}

  static Snapshot snapshot(Emulators emulators, OptionalInt databasePort) {
    return new Snapshot(
        System.nanoTime(),
        machineBusy(),
        Duration.ofNanos(
            ((com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()),
        emulators.cpu(),
        databasePort.stream()
            .mapToObj(CpuShares::databaseServer)
            .findFirst()
            .orElse(Duration.ZERO));
  }

  static CpuShares between(Snapshot before, Snapshot after, Duration service) {
    return new CpuShares(
        Duration.ofNanos(after.atNanos() - before.atNanos()),
        after.machine().flatMap(m -> before.machine().map(m::minus)),
        service,
        after.sender().minus(before.sender()),
        after.emulators().minus(before.emulators()),
        after.database().minus(before.database()));
  }

  /** As cores used on average: "service 0.80, sender 0.30, ... of 2 busy 1.90". */
  String render() {
    String parts =
        String.format(
            Locale.ROOT,
            "service %.2f, sender %.2f, emulators %.2f, database server %.2f",
            cores(service),
            cores(sender),
            cores(emulators),
            cores(database));
    // Where the kernel's total is virtualised (some sandboxes), it can read less than the
    // processes' own counts; then it says nothing and is left out.
    Duration processes = service.plus(sender).plus(emulators).plus(database);
    return machine
        .filter(busy -> busy.compareTo(processes) >= 0)
        .map(
            busy ->
                parts
                    + String.format(
                        Locale.ROOT,
                        ", everything else %.2f; busy %.2f of %d cores",
                        cores(busy.minus(service).minus(sender).minus(emulators).minus(database)),
                        cores(busy),
                        Runtime.getRuntime().availableProcessors()))
        .orElse(parts);
  }

  private double cores(Duration cpu) {
    return cpu.toNanos() / (double) Math.max(1, wall.toNanos());
  }

  /** Busy time of all CPUs: every state of /proc/stat's first line but idle and iowait. */
  private static Optional<Duration> machineBusy() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split(" +");
      // user nice system idle iowait irq softirq steal (guest time is already in user and nice)
      long[] ticks = Arrays.stream(fields).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
      long busy = Arrays.stream(ticks).sum() - ticks[3] - ticks[4];
      // The kernel counts in USER_HZ, 100 a second on Linux.
      return Optional.of(Duration.ofMillis(busy * 10));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The PostgreSQL server listening on {@code port}: its postmaster and every backend it forked.
   * Other PostgreSQL servers on the machine (other users' tests) are left out.
   */
  private static Duration databaseServer(int port) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().filter(c -> c.endsWith("/postgres")).isPresent())
        .filter(
            p ->
                p.info()
                    .arguments()
                    .filter(args -> Arrays.asList(args).contains(String.valueOf(port)))
                    .isPresent())
        .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }
}
