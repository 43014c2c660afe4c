package dev.invoicebridge.quickbooks;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * {@link QuickBooksClient} over the JDK HTTP client, pinned to minor version 75: paced per realm,
 * renewing tokens after a 401, retrying throttled calls, and with a requestid on every write.
 */
public final class HttpQuickBooksClient implements QuickBooksClient {
  private final RealmId realm;
  private final ApiTransport api;
  private final Queries queries;
  private final Invoices invoices;
  private final Customers customers;

  /**
   * @param baseUrl API root, {@code https://quickbooks.api.intuit.com} or the sandbox's mount point
   * @param realmId the company's realm id
   * @param accessToken supplies a token that cannot be renewed (the sandbox's pre-issued one)
   */
  public HttpQuickBooksClient(URI baseUrl, String realmId, Supplier<String> accessToken) {
    this(
        baseUrl,
        new RealmId(realmId),
        AccessTokenSource.fixed(accessToken),
        QuickBooksClientOptions.defaults());
  }

  public HttpQuickBooksClient(
      URI baseUrl, RealmId realm, AccessTokenSource tokens, QuickBooksClientOptions options) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    this.realm = Objects.requireNonNull(realm, "realm");
    this.api = new ApiTransport(baseUrl, realm, Objects.requireNonNull(tokens, "tokens"), options);
    this.queries = new Queries(api, options.queryPageSize());
    this.invoices = new Invoices(api, queries, options.clock(), this::preferences);
    this.customers = new Customers(api, queries, realm);
  }

  @Override
  public CompanyInfo companyInfo() {
    JsonNode body = api.json(ApiRequest.get("/companyinfo/" + realm.value(), Map.of()));
    return QboJson.JSON.treeToValue(body.path("CompanyInfo"), CompanyInfo.class);
  }

  @Override
  public Preferences preferences() {
    return QboJson.preferences(
        api.json(ApiRequest.get("/preferences", Map.of())).path("Preferences"));
  }

  @Override
  public Optional<Customer> findCustomerByEmail(String email) {
    return customers.byEmail(email);
  }

  @Override
  public Optional<Customer> findCustomerByDisplayName(String displayName) {
    return customers.byDisplayName(displayName);
  }

  @Override
  public Customer createCustomer(NewCustomer customer) {
    return customers.create(customer);
  }

  @Override
  public Customer findOrCreateCustomer(NewCustomer customer) {
    return customers.findOrCreate(customer);
  }

  @Override
  public Item findOrCreateServiceItem(String name) {
    Optional<JsonNode> existing =
        queries.first("Item", "Name = " + QboJson.literal(name) + " and Active in (true, false)");
    if (existing.isPresent()) {
      return QboJson.item(existing.get());
    }
    String account =
        queries
            .first("Account", "AccountType = 'Income' and Active = true")
            .map(a -> a.path("Id").asString())
            .orElseThrow(
                () ->
                    new QuickBooksException(
                        0, null, "The company has no active income account", null, null));
    String body = QboJson.itemBody(name, account).toString();
    try {
      JsonNode created =
          api.json(ApiRequest.post("/item", Map.of(), body, RequestIds.of("item", body)));
      return QboJson.item(created.path("Item"));
    } catch (QuickBooksException.DuplicateName raced) {
      return queries
          .first("Item", "Name = " + QboJson.literal(name) + " and Active in (true, false)")
          .map(QboJson::item)
          .orElseThrow(() -> raced);
    }
  }

  @Override
  public Invoice createInvoice(NewInvoice invoice, String idempotencyKey) {
    return invoices.create(invoice, idempotencyKey);
  }

  @Override
  public Invoice invoice(InvoiceId id) {
    return invoices.read(id);
  }

  @Override
  public Invoice updateInvoice(InvoiceId id, String syncToken, InvoicePatch patch) {
    return invoices.update(id, syncToken, patch);
  }

  @Override
  public Invoice voidInvoice(InvoiceId id, String syncToken) {
    return invoices.voidInvoice(id, syncToken);
  }

  @Override
  public void deleteInvoice(InvoiceId id, String syncToken) {
    invoices.delete(id, syncToken);
  }

  @Override
  public Invoice sendInvoice(InvoiceId id, String syncToken, String sendTo) {
    return invoices.send(id, syncToken, sendTo);
  }

  @Override
  public byte[] invoicePdf(InvoiceId id) {
    return invoices.pdf(id);
  }

  @Override
  public List<Invoice> queryInvoices(String where) {
    return queries.all("Invoice", where).stream().map(QboJson::invoice).toList();
  }

  @Override
  public InvoiceChanges invoiceChangesSince(OffsetDateTime since) {
    return invoices.changesSince(since);
  }
}
