package dev.invoicebridge.attio;

/**
 * Who did something in Attio: {@code type} is {@code api-token}, {@code workspace-member}, {@code
 * system} or {@code app}; {@code id} may be null for system actors.
 */
public record Actor(String type, String id) {}
