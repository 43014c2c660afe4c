package dev.invoicebridge.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which properties must be present, per entity and role, as Intuit's API reference states them
 * (quoted in the reference sheet, sections 3 to 5, 9, 12 and 16).
 *
 * <p>Why not the XSD's own flags: in ipp-v3-java-data 6.4.2 (generated from Intuit's XSD) no
 * element or attribute of Invoice, Customer, Item, Line or their references is marked required,
 * because the same types serve create, sparse update and read, where different things are required.
 * A contract check built only on those flags could never fail, so this list, the next most official
 * description, supplies the requirements.
 */
final class IntuitRequired {
  /** What a JSON object is in an exchange: what decides which properties it must carry. */
  enum Role {
    /** A create body (POST without Id). */
    CREATE,
    /** A sparse or full update (POST with Id and SyncToken). */
    UPDATE,
    /** A void or delete body: just the reference. */
    REFERENCE,
    /** A stored entity in a response. */
    RESPONSE,
    /** A {@code status: Deleted} stub in a delete response or CDC. */
    DELETED
  }

  /** Every stored entity (sheet, section 16: Id, SyncToken and MetaData times). */
  private static final List<String> STORED =
      List.of("Id", "SyncToken", "MetaData.CreateTime", "MetaData.LastUpdatedTime");

  private static final Map<String, List<String>> STORED_EXTRA =
      Map.of(
          "Customer", List.of("DisplayName", "CurrencyRef.value", "Active"),
          "Item", List.of("Name", "Type"),
          "Invoice",
              List.of(
                  "CustomerRef.value",
                  "Line",
                  "TotalAmt",
                  "Balance",
                  "DocNumber",
                  "TxnDate",
                  "CurrencyRef.value"),
          "Account", List.of("Name", "AccountType"),
          "Payment", List.of("CustomerRef.value", "TotalAmt"),
          "CompanyInfo", List.of("CompanyName"),
          "Preferences", List.of());

  /** Customer: DisplayName, or one of the name parts it is built from (section 3). */
  private static final Set<String> NAME_PARTS =
      Set.of("DisplayName", "Title", "GivenName", "MiddleName", "FamilyName", "Suffix");

  private IntuitRequired() {}

  /** The required properties {@code node} lacks as {@code entity} in {@code role}. */
  static List<String> missing(String entity, Role role, JsonNode node) {
    List<String> missing = new ArrayList<>();
    switch (role) {
      case CREATE -> create(entity, node, missing);
      case UPDATE -> {
        require(node, List.of("Id", "SyncToken"), missing);
        if (entity.equals("Invoice") && node.has("Line")) {
          lines(node, missing);
        }
      }
      case REFERENCE -> require(node, List.of("Id", "SyncToken"), missing);
      case DELETED -> {
        require(node, List.of("Id", "status", "domain"), missing);
        if (!"Deleted".equals(node.path("status").asText())) {
          missing.add("status=Deleted");
        }
      }
      case RESPONSE -> {
        require(node, STORED, missing);
        require(node, STORED_EXTRA.getOrDefault(entity, List.of()), missing);
        if (entity.equals("Invoice")) {
          lines(node, missing);
          // QuickBooks adds a SubTotalLineDetail line to every invoice it returns (section 5.2).
          boolean subtotal = false;
          for (JsonNode l : node.path("Line")) {
            subtotal |= "SubTotalLineDetail".equals(l.path("DetailType").asText());
          }
          if (!subtotal) {
            missing.add("Line[SubTotalLineDetail]");
          }
          billEmailToSend(node, missing);
        }
      }
    }
    return missing;
  }

  /** A Fault answer (section 12.1): its errors, each with a code and a message, and a type. */
  static List<String> missingInFault(JsonNode fault) {
    List<String> missing = new ArrayList<>();
    require(fault, List.of("type"), missing);
    if (!fault.path("Error").isArray() || fault.path("Error").isEmpty()) {
      missing.add("Fault.Error");
    }
    for (JsonNode error : fault.path("Error")) {
      require(error, List.of("code", "Message"), missing);
    }
    return missing;
  }

  private static void create(String entity, JsonNode node, List<String> missing) {
    switch (entity) {
      case "Customer" -> {
        if (NAME_PARTS.stream().noneMatch(p -> node.path(p).isTextual())) {
          missing.add("DisplayName (or a name part)");
        }
      }
      case "Item" -> {
        require(node, List.of("Name"), missing);
        // Service and NonInventory items need an income account (section 4).
        String type = node.path("Type").asText("");
        if (type.equals("Service") || type.equals("NonInventory")) {
          require(node, List.of("IncomeAccountRef.value"), missing);
        }
      }
      case "Invoice" -> {
        require(node, List.of("CustomerRef.value", "Line"), missing);
        lines(node, missing);
        billEmailToSend(node, missing);
      }
      default -> missing.add("no create rule for " + entity);
    }
  }

  /** At least one line; each with DetailType, Amount and the detail object it names. */
  private static void lines(JsonNode invoice, List<String> missing) {
    if (!invoice.path("Line").isArray() || invoice.path("Line").isEmpty()) {
      missing.add("Line[0]");
      return;
    }
    int i = 0;
    for (JsonNode line : invoice.path("Line")) {
      String at = "Line[" + i++ + "].";
      if (!line.path("DetailType").isTextual()) {
        missing.add(at + "DetailType");
        continue;
      }
      if (!line.path("Amount").isNumber()) {
        missing.add(at + "Amount");
      }
      String detail = line.path("DetailType").asText();
      if (!line.path(detail).isObject()) {
        missing.add(at + detail);
      }
    }
  }

  /** BillEmail is required when EmailStatus is NeedToSend (section 5.1). */
  private static void billEmailToSend(JsonNode invoice, List<String> missing) {
    if ("NeedToSend".equals(invoice.path("EmailStatus").asText())
        && !invoice.path("BillEmail").path("Address").isTextual()) {
      missing.add("BillEmail.Address (EmailStatus is NeedToSend)");
    }
  }

  private static void require(JsonNode node, List<String> paths, List<String> missing) {
    for (String path : paths) {
      JsonNode n = node;
      for (String part : path.split("\\.")) {
        n = n.path(part);
      }
      if (n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isEmpty())) {
        missing.add(path);
      }
    }
  }
}
