package dev.invoicebridge.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that POSTs and reads the answer on the calling thread, with
 * blocking socket calls and nothing in between. The load generator's client: the JDK's {@code
 * HttpClient} hands every exchange between the caller, its executor and its selector thread, and on
 * a 2-core machine those hand-offs cost the sender as much CPU as the bare endpoint costs the
 * server, and milliseconds of scheduling delay in the tail. Reconnects when the server closes the
 * connection (Tomcat does after 100 requests) or an exchange fails.
 */
final class LoopbackPoster implements AutoCloseable {
  private final InetSocketAddress address;
  private final String hostHeader;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  LoopbackPoster(URI server) {
    this.address = new InetSocketAddress(server.getHost(), server.getPort());
    this.hostHeader = server.getHost() + ":" + server.getPort();
  }

  /** A POST of {@code body} to {@code path} with {@code headers} ("Name: value"); its status. */
  int post(String path, List<String> headers, byte[] body) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      out.write(head(path, headers, body.length));
      out.write(body);
      out.flush();
      return readResponse();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private byte[] head(String path, List<String> headers, int length) {
    StringBuilder head = new StringBuilder(256);
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader).append("\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Length: ").append(length).append("\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    socket.connect(address, 5_000);
    in = new BufferedInputStream(socket.getInputStream(), 8192);
    out = new BufferedOutputStream(socket.getOutputStream(), 8192);
  }

  /** Reads the status line, the headers and the body (sized or chunked); the status code. */
  private int readResponse() throws IOException {
    String status = line();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x response: " + status);
    }
    int code = Integer.parseInt(parts[1]);
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> closeAfter = value.contains("close");
        default -> {}
      }
    }
    if (chunked) {
      for (long size = chunkSize(); size > 0; size = chunkSize()) {
        skip(size);
        line();
      }
      // Trailers, up to the empty line.
      while (!line().isEmpty()) {
        // skipped
      }
    } else if (length > 0) {
      skip(length);
    }
    if (closeAfter) {
      close();
    }
    return code;
  }

  private long chunkSize() throws IOException {
    String size = line();
    int extension = size.indexOf(';');
    return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
  }

  private void skip(long n) throws IOException {
    for (long left = n; left > 0; ) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed in a response body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** One line without its CRLF. */
  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed in a response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a connection that failed: nothing to do.
      }
      socket = null;
    }
  }
}
