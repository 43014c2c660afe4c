package dev.invoicebridge.support;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for HTTP tests against one shared sandbox-mode service (Spring caches the context, so the
 * subclasses start it once). Tests must not depend on each other's data: each works on records or
 * settings it creates or only reads seeded ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SandboxAppTest {
  protected static final Path DATA = SandboxApp.newDataDir();

  @DynamicPropertySource
  static void sandboxAppSettings(DynamicPropertyRegistry registry) {
    registry.add("invoicebridge.data-dir", DATA::toString);
  }

  @LocalServerPort protected int port;
  protected Http http;

  /** The admin API token sandbox mode wrote to the data directory. */
  protected String adminToken;

  @BeforeEach
  void connectToSandboxApp() {
    http = new Http(port);
    adminToken = SandboxApp.apiToken(DATA);
  }
}
