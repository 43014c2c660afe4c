package dev.invoicebridge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api token>}; leaves the request anonymous otherwise.
 */
final class ApiTokenFilter extends OncePerRequestFilter {
  private final ApiTokens tokens;

  ApiTokenFilter(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      tokens
          .authenticate(header.substring(7).trim())
          .ifPresent(
              token ->
                  SecurityContextHolder.getContext()
                      .setAuthentication(new ApiTokenAuthentication(token)));
    }
    chain.doFilter(request, response);
  }
}
