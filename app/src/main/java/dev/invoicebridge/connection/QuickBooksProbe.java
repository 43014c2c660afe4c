package dev.invoicebridge.connection;

import dev.invoicebridge.quickbooks.HttpQuickBooksClient;
import dev.invoicebridge.quickbooks.QuickBooksException;
import org.springframework.stereotype.Component;

/** Checks a QuickBooks connection by reading the company's CompanyInfo. */
@Component
class QuickBooksProbe implements ConnectionProbe {
  @Override
  public ConnectionKind kind() {
    return ConnectionKind.QUICKBOOKS;
  }

  @Override
  public Probed probe(ConnectionTarget target) {
    try {
      return Probed.named(
          new HttpQuickBooksClient(
                  target.baseUrl(), target.externalId(), target.credential()::reveal)
              .companyInfo()
              .companyName());
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
