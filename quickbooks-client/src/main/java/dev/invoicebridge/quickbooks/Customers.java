package dev.invoicebridge.quickbooks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Customer lookups and find-or-create, following the reference sheet: by email, then by
 * DisplayName, then create; a name QuickBooks says is taken (6240) is adopted when it is the same
 * customer and otherwise retried with an " (Attio)" suffix.
 */
final class Customers {
  /** Suffixes tried after the plain name: " (Attio)", " (Attio 2)", ... */
  private static final int MAX_SUFFIXES = 5;

  /**
   * Shared by every client in the JVM, so two requests of this instance for one email queue rather
   * than race; across instances the email-derived requestid makes QuickBooks answer the second
   * create with the first one's customer.
   */
  private static final KeyedLocks LOCKS = new KeyedLocks();

  private final ApiTransport api;
  private final Queries queries;
  private final RealmId realm;

  Customers(ApiTransport api, Queries queries, RealmId realm) {
    this.api = api;
    this.queries = queries;
    this.realm = realm;
  }

  /** Active customers with this email: the normalised spelling and the caller's. */
  Optional<Customer> byEmail(String email) {
    return withEmail(email, false).stream().findFirst();
  }

  /** Active or inactive: inactive customers still own their name (6240). */
  Optional<Customer> byDisplayName(String displayName) {
    return queries
        .first(
            "Customer",
            "DisplayName = " + QboJson.literal(displayName) + " and Active in (true, false)")
        .map(QboJson::customer);
  }

  Customer create(NewCustomer customer) {
    String body = QboJson.customerBody(customer).toString();
    // Deterministic requestid: a retried create of the same customer is answered, not repeated.
    return post(body, RequestIds.of("customer", body));
  }

  Customer findOrCreate(NewCustomer customer) {
    String key =
        customer.email() == null
            ? "name:" + customer.displayName().toLowerCase(Locale.ROOT)
            : "email:" + normalised(customer.email());
    return LOCKS.withLock(realm.value() + "|" + key, () -> findOrCreateLocked(customer));
  }

  private Customer findOrCreateLocked(NewCustomer asked) {
    // Stored trimmed and lower-cased, so every later lookup finds it whatever the spelling.
    NewCustomer customer =
        asked.email() == null
            ? asked
            : new NewCustomer(
                asked.displayName(),
                asked.companyName(),
                normalised(asked.email()),
                asked.currency());
    if (customer.email() != null) {
      List<Customer> byEmail = withEmail(customer.email(), true);
      Optional<Customer> active = byEmail.stream().filter(Customer::active).findFirst();
      if (active.isPresent()) {
        return active.get();
      }
      if (!byEmail.isEmpty()) {
        // Invoicing an inactive customer fails with 2500: bring the existing one back.
        return reactivate(byEmail.getFirst());
      }
    }
    QuickBooksException.DuplicateName last = null;
    for (int attempt = 0; attempt <= MAX_SUFFIXES; attempt++) {
      String name = withSuffix(customer.displayName(), attempt);
      Optional<Customer> holder = byDisplayName(name);
      if (holder.isPresent()) {
        if (sameCustomer(holder.get(), customer.email())) {
          return activeVersion(holder.get());
        }
        continue;
      }
      try {
        return post(
            QboJson.customerBody(customer.withDisplayName(name)).toString(),
            requestId(customer, name, attempt));
      } catch (QuickBooksException.DuplicateName taken) {
        last = taken;
        // Taken between our query and create, or by a vendor or employee (which customer
        // queries cannot see): adopt it if it is our customer, else try the next suffix.
        Optional<Customer> now = byDisplayName(name);
        if (now.isPresent() && sameCustomer(now.get(), customer.email())) {
          return activeVersion(now.get());
        }
      }
    }
    throw last != null
        ? last
        : new IllegalStateException(
            "Every suffixed name for " + customer.displayName() + " belongs to someone else");
  }

  private List<Customer> withEmail(String email, boolean inactiveToo) {
    String active = inactiveToo ? " and Active in (true, false)" : "";
    List<Customer> found =
        queries
            .all("Customer", "PrimaryEmailAddr = " + QboJson.literal(normalised(email)) + active)
            .stream()
            .map(QboJson::customer)
            .toList();
    if (found.isEmpty() && !email.equals(normalised(email))) {
      // The filter's case sensitivity is not documented: also try the caller's spelling.
      found =
          queries.all("Customer", "PrimaryEmailAddr = " + QboJson.literal(email) + active).stream()
              .map(QboJson::customer)
              .toList();
    }
    return found;
  }

  /** A name holder is ours when it has our email, or no email to contradict it. */
  private static boolean sameCustomer(Customer holder, String email) {
    return email == null
        || holder.email() == null
        || normalised(holder.email()).equals(normalised(email));
  }

  private Customer activeVersion(Customer c) {
    return c.active() ? c : reactivate(c);
  }

  private Customer reactivate(Customer c) {
    String body = QboJson.reactivateBody(c).toString();
    return post(body, RequestIds.of("reactivate", c.id().value() + "|" + c.syncToken()));
  }

  private Customer post(String body, String requestId) {
    return QboJson.customer(
        api.json(ApiRequest.post("/customer", Map.of(), body, requestId)).path("Customer"));
  }

  /**
   * With an email the requestid derives from the email alone (and the attempt), so two creates for
   * one email with different names, from two instances, still make one customer.
   */
  static String requestId(NewCustomer customer, String name, int attempt) {
    return customer.email() == null
        ? RequestIds.of("customer", QboJson.customerBody(customer.withDisplayName(name)).toString())
        : RequestIds.of("customer", normalised(customer.email()) + "#" + attempt);
  }

  private static String withSuffix(String name, int attempt) {
    String suffix =
        switch (attempt) {
          case 0 -> "";
          case 1 -> " (Attio)";
          default -> " (Attio " + attempt + ")";
        };
    // DisplayName has at most 500 characters; the suffix must survive.
    return name.substring(0, Math.min(name.length(), 500 - suffix.length())) + suffix;
  }

  static String normalised(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
