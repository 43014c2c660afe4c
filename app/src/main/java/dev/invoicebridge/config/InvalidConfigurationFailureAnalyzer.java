package dev.invoicebridge.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a configuration problem into Spring Boot's clear "APPLICATION FAILED TO START" report. */
final class InvalidConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
    return new FailureAnalysis(
        "Invoicebridge settings are invalid:\n  - " + String.join("\n  - ", cause.problems()),
        "Fix the settings above (environment variables INVOICEBRIDGE_*, or application"
            + " properties) and start again. The README's Configuration section lists them all.",
        cause);
  }
}
