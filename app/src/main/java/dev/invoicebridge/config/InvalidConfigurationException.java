package dev.invoicebridge.config;

import java.util.List;

/** Thrown at start when settings are present but unusable; lists every problem at once. */
public final class InvalidConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidConfigurationException(List<String> problems) {
    super("Invalid Invoicebridge configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
