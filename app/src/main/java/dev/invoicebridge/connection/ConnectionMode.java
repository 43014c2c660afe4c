package dev.invoicebridge.connection;

/** Whether a connection talks to the built-in emulator or to the real service. */
public enum ConnectionMode {
  SANDBOX,
  LIVE
}
