/**
 * Load programs that measure the performance targets the issues name, against the sandbox emulators
 * over real HTTP, and print a report. Run one with {@code ./mvnw -q -pl benchmarks -am compile
 * exec:exec -Dbenchmark=<ClassName>}.
 */
package dev.invoicebridge.benchmarks;
