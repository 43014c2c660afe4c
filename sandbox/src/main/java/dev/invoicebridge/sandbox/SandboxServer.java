package dev.invoicebridge.sandbox;

import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * Runs emulators outside the service, on an embedded Tomcat bound to 127.0.0.1: each servlet is
 * mounted under {@code /sandbox/<name>/*}, exactly where the service mounts it. The client modules'
 * tests use it to talk to the emulators over real HTTP.
 */
public final class SandboxServer implements AutoCloseable {
  private final Tomcat tomcat;
  private final int port;

  private SandboxServer(Tomcat tomcat, int port) {
    this.tomcat = tomcat;
    this.port = port;
  }

  /** Starts a server with the given mounts (name to servlet); {@code port} 0 picks a free port. */
  public static SandboxServer start(int port, Map<String, ? extends Servlet> mounts) {
    Tomcat tomcat = new Tomcat();
    try {
      tomcat.setBaseDir(Files.createTempDirectory("invoicebridge-sandbox").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", "127.0.0.1");
    // stripe-java sends bracketed keys (expand[0]=...) unencoded in query strings.
    connector.setProperty("relaxedQueryChars", "[]");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    // The emulators leave no thread locals behind; Tomcat's leak probes would only warn about JVM
    // flags.
    if (context instanceof StandardContext standard) {
      standard.setClearReferencesThreadLocals(false);
      standard.setClearReferencesRmiTargets(false);
    }
    new LinkedHashMap<>(mounts)
        .forEach(
            (name, servlet) -> {
              Tomcat.addServlet(context, name, servlet).setLoadOnStartup(1);
              context.addServletMappingDecoded("/sandbox/" + name + "/*", name);
            });
    try {
      tomcat.start();
    } catch (LifecycleException e) {
      throw new IllegalStateException("The sandbox server did not start", e);
    }
    return new SandboxServer(tomcat, connector.getLocalPort());
  }

  public int port() {
    return port;
  }

  /** The base URL of one mounted emulator, such as {@code http://127.0.0.1:PORT/sandbox/attio}. */
  public URI baseUri(String name) {
    return URI.create("http://127.0.0.1:" + port + "/sandbox/" + name);
  }

  @Override
  public void close() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("The sandbox server did not stop cleanly", e);
    }
    deleteQuietly(Path.of(tomcat.getServer().getCatalinaBase().getPath()));
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp directory is harmless.
    }
  }
}
