package dev.invoicebridge.sandbox.quickbooks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** A one-page PDF of an invoice: number, customer and total, as a real PDF reader opens it. */
final class InvoicePdf {
  private InvoicePdf() {}

  static byte[] render(SandboxCompany company, ObjectNode invoice) {
    String text =
        "BT /F1 18 Tf 72 720 Td ("
            + escape(company.name())
            + ") Tj 0 -30 Td /F1 12 Tf (Invoice "
            + escape(invoice.path("DocNumber").asString())
            + " for "
            + escape(invoice.path("CustomerRef").path("name").asString())
            + ") Tj 0 -20 Td (Total "
            + invoice.path("TotalAmt").asString()
            + " "
            + escape(invoice.path("CurrencyRef").path("value").asString())
            + "  Balance "
            + invoice.path("Balance").asString()
            + ") Tj ET";
    List<String> objects = new ArrayList<>();
    objects.add("<< /Type /Catalog /Pages 2 0 R >>");
    objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    objects.add(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            + " /Resources << /Font << /F1 5 0 R >> >> >>");
    objects.add("<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
    objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    write(out, "%PDF-1.4\n");
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table =
        new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
    write(
        out,
        table
            + "trailer\n<< /Size "
            + (objects.size() + 1)
            + " /Root 1 0 R >>\nstartxref\n"
            + xref
            + "\n%%EOF\n");
    return out.toByteArray();
  }

  private static String escape(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?")
        .replace("\\", "\\\\")
        .replace("(", "\\(")
        .replace(")", "\\)");
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
