package dev.invoicebridge.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is well formed), puts it on
 * every log line through the MDC and on the response, and logs one line per request. Query strings
 * are never logged: callers sometimes put credentials there.
 */
final class RequestIdFilter extends OncePerRequestFilter {
  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "request_id";
  private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9._:-]{8,64}$");
  private static final Logger log = LoggerFactory.getLogger("dev.invoicebridge.requests");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String id = given != null && VALID.matcher(given).matches() ? given : newId();
    MDC.put(MDC_KEY, id);
    response.setHeader(HEADER, id);
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (!isStatic(request.getRequestURI())) {
        log.info(
            "{} {} -> {} in {} ms",
            request.getMethod(),
            request.getRequestURI(),
            response.getStatus(),
            (System.nanoTime() - start) / 1_000_000);
      }
      MDC.remove(MDC_KEY);
    }
  }

  private static boolean isStatic(String uri) {
    return uri.startsWith("/css/") || uri.startsWith("/js/") || uri.startsWith("/webjars/");
  }

  private static String newId() {
    return "req_" + UUID.randomUUID().toString().replace("-", "");
  }
}
