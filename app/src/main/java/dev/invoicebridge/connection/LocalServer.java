package dev.invoicebridge.connection;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** This instance's own HTTP address, where the sandbox emulators are mounted. */
@Component
public class LocalServer {
  private final AtomicInteger port = new AtomicInteger();

  @EventListener
  void onStarted(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      port.set(event.getWebServer().getPort());
    }
  }

  /** Where the emulator for {@code kind} answers on this instance. */
  public URI sandboxBaseUrl(ConnectionKind kind) {
    if (port.get() == 0) {
      throw new IllegalStateException("the web server has not started yet");
    }
    return URI.create("http://127.0.0.1:" + port.get() + "/sandbox/" + kind.slug());
  }
}
