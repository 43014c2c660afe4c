package dev.invoicebridge.connection;

import dev.invoicebridge.vault.Secret;
import java.net.URI;

/** Everything needed to call one connection's API: where, with which credential, for which id. */
public record ConnectionTarget(
    ConnectionKind kind, URI baseUrl, Secret credential, String externalId) {}
