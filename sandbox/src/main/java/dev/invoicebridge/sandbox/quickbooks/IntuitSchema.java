package dev.invoicebridge.sandbox.quickbooks;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The property names Intuit's entity model defines for what clients write (the JAXB classes of
 * ipp-v3-java-data 6.4.2, generated from Intuit's minor-version XSD; the client module's contract
 * test checks these lists against those classes). QuickBooks refuses a property it does not know
 * with code 2010 instead of ignoring it, and so does the emulator.
 */
public final class IntuitSchema {
  private static final Set<String> REFERENCE = Set.of("value", "name", "type");

  private static final Map<String, Set<String>> PROPERTIES =
      Map.of(
          "Invoice",
          names(
              """
              ARAccountRef AllowIPNPayment AllowOnlineACHPayment AllowOnlineCreditCardPayment
              AllowOnlinePayPalPayment AllowOnlinePayment ApplyTaxAfterDiscount AttachableRef
              AutoDocNumber AutoPayEligible Balance BillAddr BillEmail BillEmailBcc BillEmailCc
              CfdiUse CheckPayment ClassRef ConvenienceFeeDetail CreditCardPayment CurrencyRef
              CustomField CustomerMemo CustomerRef DeliveryInfo DepartmentRef Deposit
              DepositToAccountRef DiscountAmt DiscountRate DocNumber DueDate ECloudStatusTimeStamp
              EInvoiceStatus EmailStatus ExchangeRate Exportation FOB FinanceCharge
              FinancingProductType FreeFormAddress GlobalInfo GlobalTaxCalculation
              GovtTxnRefIdentifier GratuityEnabled HomeBalance HomeTotalAmt HomeTotalCostAmount Id
              InvoiceEx InvoiceLink InvoiceLinkExpiryDate InvoiceLinkSecurityCode LessCIS Line
              LinkedTxn MetaData PONumber PaymentDetailsMessage PaymentMethodRef PaymentRefNum
              PaymentType PrintStatus PrivateNote ProjectRef RecurDataRef RecurringInfo RemitToRef
              SalesRepRef SalesTermRef SchedulePayEligible ScheduledPaymentId ShipAddr ShipDate
              ShipFromAddr ShipMethodRef ShippingTaxIncludedInTotalTax SubscriptionPaymentsSetting
              SyncToken Tag TaxExemptionRef TaxFormNum TaxFormType TemplateRef TotalAmt
              TotalCostAmount TrackingNum TransactionLocationType TxnApprovalInfo TxnDate TxnSource
              TxnStatus TxnTaxDetail domain sparse status
              """),
          "Customer",
          names(
              """
              ARAccountRef AcctNum Active AltContactName AlternatePhone AttachableRef Balance
              BalanceWithJobs BillAddr BillWithParent BusinessNumber CCDetail ClientCompanyId
              ClientEntityId CompanyName ContactName CreditLimit CurrencyRef CustomField CustomerEx
              CustomerTypeRef DefaultTaxCodeRef DisplayName FamilyName Fax FullyQualifiedName GSTIN
              GSTRegistrationType GivenName Id IntuitId IsCISContractor IsProject Job JobInfo Level
              MetaData MiddleName Mobile Notes OpenBalanceDate Organization OtherAddr
              OtherContactInfo OverDueBalance ParentRef PaymentMethodRef PreferredDeliveryMethod
              PriceLevelRef PrimaryEmailAddr PrimaryPhone PrimaryTaxIdentifier PrintOnCheckName
              ResaleNum RootCustomerRef SalesRepRef SalesTermRef SecondaryTaxIdentifier ShipAddr
              Source Suffix SyncToken TDSEnabled TaxExemptionReasonId TaxGroupCodeRef TaxRateRef
              TaxRegime Taxable Title TotalExpense TotalRevenue UserId V4IDPseudonym WebAddr domain
              sparse status
              """),
          "Item",
          names(
              """
              AbatementRate Active AssetAccountRef AttachableRef AvgCost BuildPoint COGSAccountRef
              ClassRef CustomField DeferredRevenue DepositToAccountRef Description ExpenseAccountRef
              FullyQualifiedName Id IncomeAccountRef InvStartDate ItemAssemblyDetail ItemCategoryType
              ItemEx ItemGroupDetail Level ManPartNum MetaData Name ParentRef PaymentMethodRef
              PercentBased PrefVendorRef PrintGroupedItems PurchaseCost PurchaseDesc
              PurchaseTaxCodeRef PurchaseTaxIncluded QtyOnHand QtyOnPurchaseOrder QtyOnSalesOrder
              RatePercent ReorderPoint ReverseChargeRate SalesTaxCodeRef SalesTaxIncluded ServiceType
              Sku Source SpecialItem SpecialItemType SubItem SyncToken TaxClassificationRef Taxable
              TrackQtyOnHand Type UOMSetRef UQCDisplayText UQCId UnitPrice domain sparse status
              """),
          "Line",
          names(
              """
              AccountBasedExpenseLineDetail Amount CostAmount CustomField DepositLineDetail
              Description DescriptionLineDetail DetailType DiscountLineDetail GroupLineDetail
              HomeCostAmount Id ItemAdjustmentLineDetail ItemBasedExpenseLineDetail
              ItemReceiptLineDetail JournalEntryLineDetail LineEx LineNum LinkedTxn PaymentLineDetail
              ProjectRef PurchaseOrderItemLineDetail Received ReimburseLineDetail SalesItemLineDetail
              SalesOrderItemLineDetail SubTotalLineDetail TDSLineDetail TaxLineDetail
              """),
          "SalesItemLineDetail",
          names(
              """
              ClassRef DeferredRevenue DiscountAmt DiscountRate InventorySiteRef ItemAccountRef
              ItemRef MarkupInfo PriceLevelRef Qty RatePercent SalesItemLineDetailEx ServiceDate
              TaxClassificationRef TaxCodeRef TaxInclusiveAmt UOMRef UnitCostPrice UnitPrice
              """));

  private IntuitSchema() {}

  private static Set<String> names(String whitespaceSeparated) {
    return Set.of(whitespaceSeparated.trim().split("\\s+"));
  }

  /** The property names of {@code type} (Invoice, Customer, Item, Line, SalesItemLineDetail). */
  public static Set<String> properties(String type) {
    Set<String> names = PROPERTIES.get(type);
    if (names == null) {
      throw new IllegalArgumentException("No schema for " + type);
    }
    return names;
  }

  /** Refuses (2010) a request body with a property Intuit's {@code entity} does not define. */
  static void checkRequest(String entity, JsonNode body) {
    check(entity, body);
    if (entity.equals("Invoice")) {
      for (JsonNode line : body.path("Line")) {
        check("Line", line);
        JsonNode detail = line.path("SalesItemLineDetail");
        if (detail.isObject()) {
          check("SalesItemLineDetail", detail);
          checkReference(detail.path("ItemRef"), "ItemRef");
        }
      }
      checkReference(body.path("CustomerRef"), "CustomerRef");
    }
  }

  private static void check(String type, JsonNode node) {
    for (String name : node.propertyNames()) {
      if (!properties(type).contains(name)) {
        throw unsupported(name);
      }
    }
  }

  private static void checkReference(JsonNode ref, String name) {
    if (ref.isObject()) {
      for (String key : ref.propertyNames()) {
        if (!REFERENCE.contains(key)) {
          throw unsupported(name + "." + key);
        }
      }
    }
  }

  private static QboFault unsupported(String property) {
    return QboFault.validation(
        "2010",
        "Request has invalid or unsupported property",
        "Property Name:" + property + " specified is unsupported or invalid");
  }
}
