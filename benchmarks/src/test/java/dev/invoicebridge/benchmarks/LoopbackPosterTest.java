package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoopbackPosterTest {
  HttpServer server;
  final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<InetSocketAddress> clients = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Stripe-Signature")
                  + " "
                  + body);
          clients.add(exchange.getRemoteAddress());
          byte[] answer = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getPath();
          if (path.endsWith("close")) {
            exchange.getResponseHeaders().set("Connection", "close");
          }
          int status = path.endsWith("bad") ? 400 : 200;
          // 0: chunked; otherwise sized.
          exchange.sendResponseHeaders(status, path.contains("chunked") ? 0 : answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void posts_on_one_kept_alive_connection_and_reads_sized_and_chunked_answers() throws Exception {
    try (LoopbackPoster poster = new LoopbackPoster(uri())) {
      assertThat(poster.post("/sized", List.of("Stripe-Signature: t=1,v1=ab"), body("one")))
          .isEqualTo(200);
      assertThat(poster.post("/chunked", List.of(), body("two"))).isEqualTo(200);
      assertThat(poster.post("/sized-bad", List.of(), body("three"))).isEqualTo(400);
    }

    assertThat(received)
        .containsExactly(
            "POST /sized t=1,v1=ab one", "POST /chunked null two", "POST /sized-bad null three");
    assertThat(clients.stream().distinct()).hasSize(1);
  }

  @Test
  void reconnects_after_the_server_closes_the_connection() throws Exception {
    try (LoopbackPoster poster = new LoopbackPoster(uri())) {
      assertThat(poster.post("/close", List.of(), body("one"))).isEqualTo(200);
      assertThat(poster.post("/sized", List.of(), body("two"))).isEqualTo(200);
    }

    assertThat(received).hasSize(2);
    assertThat(clients.stream().distinct()).hasSize(2);
  }

  @Test
  void a_server_that_is_gone_is_an_io_error_not_a_status() {
    URI gone = uri();
    server.stop(0);
    try (LoopbackPoster poster = new LoopbackPoster(gone)) {
      assertThatThrownBy(() -> poster.post("/sized", List.of(), body("one")))
          .isInstanceOf(IOException.class);
    }
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
