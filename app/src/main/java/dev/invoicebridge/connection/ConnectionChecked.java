package dev.invoicebridge.connection;

/**
 * Published after every connection check, so the capabilities that hang off a connection (such as
 * its webhook endpoint) can repair themselves without the connection knowing them.
 */
public record ConnectionChecked(Connection connection, Connection.Check check) {}
