package dev.invoicebridge.invoicing.quickbooks;

import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionProbe;
import dev.invoicebridge.connection.ConnectionTarget;
import dev.invoicebridge.connection.Probed;
import dev.invoicebridge.quickbooks.AccessTokenSource;
import dev.invoicebridge.quickbooks.HttpQuickBooksClient;
import dev.invoicebridge.quickbooks.QuickBooksClientOptions;
import dev.invoicebridge.quickbooks.QuickBooksException;
import dev.invoicebridge.quickbooks.RealmId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks a QuickBooks connection by reading the company's CompanyInfo: with the workspace's OAuth
 * tokens when it has connected through Intuit's consent (refreshed single-flight like every other
 * call), else with the connection's own credential (the sandbox's pre-issued token).
 */
@Component
class QuickBooksProbe implements ConnectionProbe {
  private final QuickBooksConnector connector;

  QuickBooksProbe(QuickBooksConnector connector) {
    this.connector = connector;
  }

  @Override
  public ConnectionKind kind() {
    return ConnectionKind.QUICKBOOKS;
  }

  @Override
  public Probed probe(ConnectionTarget target) {
    // A check is a short, bounded call: it must not wait out Intuit's throttling minute.
    QuickBooksClientOptions options = QuickBooksClientOptions.interactive();
    Optional<QuickBooksConnector.OAuthConnection> oauth = connector.connected(target.workspaceId());
    HttpQuickBooksClient client =
        oauth
            .map(c -> new HttpQuickBooksClient(c.api(), c.realm(), c.tokens(), options))
            .orElseGet(
                () ->
                    new HttpQuickBooksClient(
                        target.baseUrl(),
                        new RealmId(target.externalId()),
                        AccessTokenSource.fixed(target.credential()::reveal),
                        options));
    try {
      return Probed.named(client.companyInfo().companyName());
    } catch (QuickBooksException.ReconnectRequired e) {
      throw new ProbeFailure(
          "QuickBooks refused this connection; reconnect QuickBooks in Settings.", e, true);
    } catch (QuickBooksException e) {
      throw new ProbeFailure(
          switch (e.statusCode()) {
            case 0 -> "QuickBooks could not be reached; check the network and try again.";
            case 401 -> "QuickBooks rejected the access token (code 3200); reconnect QuickBooks.";
            case 403 -> "QuickBooks refused access to this company; reconnect as a company admin.";
            case 429 -> "QuickBooks is throttling this company; the check will be retried.";
            default -> "QuickBooks answered HTTP " + e.statusCode() + " to the connection check.";
          },
          e,
          e.statusCode() == 401 || e.statusCode() == 403);
    }
  }
}
