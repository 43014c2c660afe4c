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
 * Derives Spring settings from Invoicebridge's own before anything reads them: the default data
 * directory ({@code data/} at the repository root, whatever directory the service was started from)
 * and the log format.
 */
public final class InvoicebridgeEnvironment implements EnvironmentPostProcessor {
  /**
   * The embedded H2 database's settings. Besides PostgreSQL's dialect: each connection keeps 64
   * parsed statements instead of 8 (the pool's connections run every statement of the endpoint, the
   * drain and the scheduler, and re-parsing the ones pushed out cost CPU on every delivery); and
   * the page cache is 4 MB instead of 16 MB. Most pages that enter it are new and soon replaced, so
   * its content was young objects that each GC pause had to copy: at 500 events/s the 16 MB cache
   * made the pauses 15 to 25 ms, 4 MB about 8 ms. The data it serves (the inbox's narrow rows and
   * indexes, workspaces, connections) fits, and the OS caches the file.
   */
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
          + ";QUERY_CACHE_SIZE=64;CACHE_SIZE=4096";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    // Defaults go last, so that every other source (tests' dynamic properties included) wins.
    Map<String, Object> defaults = new HashMap<>();
    defaults.put(
        "invoicebridge.data-dir",
        defaultDataDir(Path.of(System.getProperty("user.dir"))).toString());
    env.getPropertySources().addLast(new MapPropertySource("invoicebridge-defaults", defaults));
    if ("json".equalsIgnoreCase(env.getProperty("invoicebridge.log-format", "text"))) {
      env.getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "invoicebridge-logging", Map.of("logging.structured.format.console", "ecs")));
    }
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
