package dev.invoicebridge.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own OpenAPI document at /v3/api-docs. The API writes snake_case JSON through a
 * global naming strategy that the document generator cannot see, so the schemas are renamed here to
 * match what clients actually receive.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  @Bean
  OpenApiCustomizer invoicebridgeOpenApi() {
    return api -> {
      api.info(
          new Info()
              .title("Invoicebridge API")
              .version("v1")
              .description(
                  "Invoicing for Attio with Stripe and QuickBooks Online. Authenticate with"
                      + " 'Authorization: Bearer <api token>'; errors are application/problem+json."));
      Components components = api.getComponents() == null ? new Components() : api.getComponents();
      components.addSecuritySchemes(
          "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"));
      api.components(components);
      api.security(List.of(new SecurityRequirement().addList("bearer")));
      if (components.getSchemas() != null) {
        components.getSchemas().values().forEach(OpenApiConfiguration::snakeCase);
      }
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void snakeCase(Schema schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties != null) {
      Map<String, Schema> renamed = new LinkedHashMap<>();
      properties.forEach((name, value) -> renamed.put(JsonNames.snake(name), value));
      schema.setProperties(renamed);
    }
    List<String> required = schema.getRequired();
    if (required != null) {
      schema.setRequired(required.stream().map(JsonNames::snake).toList());
    }
  }
}
