package dev.invoicebridge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives Spring settings from Invoicebridge's own, before anything reads them: the data directory
 * (an absolute path, by default {@code data/} at the repository root whatever directory the service
 * was started from), the datasource (embedded H2 file there unless a URL is configured) and the log
 * format.
 */
public final class InvoicebridgeEnvironment implements EnvironmentPostProcessor {
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    Map<String, Object> derived = new HashMap<>();
    String configured = env.getProperty("invoicebridge.data-dir");
    Path dataDir =
        configured == null || configured.isBlank()
            ? defaultDataDir(Path.of(System.getProperty("user.dir")))
            : Path.of(configured).toAbsolutePath().normalize();
    derived.put("invoicebridge.data-dir", dataDir.toString());

    String url = env.getProperty("invoicebridge.database.url");
    if (url == null || url.isBlank()) {
      derived.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("invoicebridge") + H2_OPTIONS);
      derived.put("spring.datasource.username", "sa");
      derived.put("spring.datasource.password", "");
    } else {
      derived.put("spring.datasource.url", url);
      derived.put("spring.datasource.username", env.getProperty("invoicebridge.database.username", ""));
      derived.put("spring.datasource.password", env.getProperty("invoicebridge.database.password", ""));
    }
    if ("json".equalsIgnoreCase(env.getProperty("invoicebridge.log-format", "text"))) {
      derived.put("logging.structured.format.console", "ecs");
    }
    env.getPropertySources().addFirst(new MapPropertySource("invoicebridge-derived", derived));
  }

  /** {@code data/} beside the nearest enclosing Maven wrapper, else in the working directory. */
  static Path defaultDataDir(Path workingDir) {
    for (Path dir = workingDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
        return dir.resolve("data");
      }
    }
    return workingDir.toAbsolutePath().resolve("data");
  }
}
