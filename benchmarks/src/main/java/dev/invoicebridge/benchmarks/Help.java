package dev.invoicebridge.benchmarks;

/** Printed when no benchmark is named: how to run one. */
public final class Help {
  private Help() {}

  public static void main(String[] args) {
    System.out.println(
        """
        Name a benchmark: ./mvnw -q -pl benchmarks -am compile exec:exec -Dbenchmark=<ClassName>
        The benchmarks are the classes with a main method in dev.invoicebridge.benchmarks;
        README.md, section Performance, lists them with their targets and last results.""");
  }
}
