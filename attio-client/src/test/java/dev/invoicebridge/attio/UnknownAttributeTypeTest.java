package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.SandboxServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attio adds attribute types over time. A type this client does not know must not break reading an
 * object's attributes. The sandbox only knows today's types, so a fake Attio answers here.
 */
class UnknownAttributeTypeTest {
  private static final String IDS =
      "\"workspace_id\":\"14beef7a-99f7-4534-a87e-70b564330a4c\","
          + "\"object_id\":\"97052eb9-e65e-443f-a297-f2d9a4a7f795\"";

  private static String attribute(String attributeId, String slug, String type) {
    return "{\"id\":{"
        + IDS
        + ",\"attribute_id\":\""
        + attributeId
        + "\"},\"title\":\""
        + slug
        + "\",\"description\":null,\"api_slug\":\""
        + slug
        + "\",\"type\":\""
        + type
        + "\",\"is_system_attribute\":false,\"is_writable\":true,\"is_required\":false,"
        + "\"is_unique\":false,\"is_multiselect\":false,\"is_default_value_enabled\":false,"
        + "\"is_archived\":false,\"default_value\":null,\"relationship\":null,"
        + "\"created_at\":\"2026-01-01T00:00:00.000000000Z\",\"config\":{}}";
  }

  /** Answers the attribute list with a known type and one Attio might add tomorrow. */
  private static final class FutureAttio extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("application/json");
      String body =
          "{\"data\":["
              + attribute("41252299-f8c7-4b5e-99c9-4ff8321d2f96", "number", "text")
              + ","
              + attribute("51252299-f8c7-4b5e-99c9-4ff8321d2f96", "summary", "ai-summary")
              + "]}";
      resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void an_attribute_of_an_unknown_type_is_listed_as_unknown_and_the_others_still_read() {
    try (SandboxServer server = SandboxServer.start(0, Map.of("attio", new FutureAttio()))) {
      AttioClient attio = HttpAttioClient.builder(server.baseUri("attio"), () -> "t").build();
      assertThat(attio.listAttributes("invoices"))
          .extracting(AttioAttribute::apiSlug, AttioAttribute::type)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("number", AttributeType.TEXT),
              org.assertj.core.groups.Tuple.tuple("summary", AttributeType.UNKNOWN));
    }
  }

  @Test
  void an_unknown_type_cannot_be_created() {
    assertThat(AttributeType.fromWire("ai-summary")).isEqualTo(AttributeType.UNKNOWN);
    assertThat(AttributeType.UNKNOWN.creatable()).isFalse();
    assertThat(AttributeType.fromWire("record-reference"))
        .isEqualTo(AttributeType.RECORD_REFERENCE);
  }
}
