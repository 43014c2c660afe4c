package dev.invoicebridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.ObjectMapper;

/**
 * Four chains: the sandbox emulators and provider webhooks (they check their own credentials or
 * signatures), the REST API (bearer tokens, stateless, problem+json errors), actuator and OpenAPI
 * (public, details for admins), and the web UI (form login, sessions, CSRF on every form).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Order(1)
  SecurityFilterChain sandboxChain(HttpSecurity http) throws Exception {
    // Provider webhooks prove themselves with their signature, checked by their controller, and
    // the emulators check their own credentials: nothing here authenticates or authorizes, so the
    // chain keeps only the response headers. Every filter costs each webhook delivery CPU, which
    // is what the ingest latency target is made of.
    return http.securityMatcher("/sandbox/**", "/webhooks/**")
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .securityContext(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .servletApi(AbstractHttpConfigurer::disable)
        .exceptionHandling(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ObjectMapper json)
      throws Exception {
    return stateless(http.securityMatcher("/api/**"), tokens, json)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/api/v1/tokens",
                        "/api/v1/tokens/**",
                        "/api/v1/schema",
                        "/api/v1/schema/**",
                        "/api/v1/connections",
                        "/api/v1/connections/**",
                        "/api/v1/settings",
                        "/api/v1/settings/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .hasRole("OPERATOR"))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain publicChain(HttpSecurity http, ApiTokens tokens, ObjectMapper json)
      throws Exception {
    return stateless(
            http.securityMatcher("/actuator/**", "/v3/api-docs", "/v3/api-docs/**"), tokens, json)
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain webChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                    .permitAll()
                    .requestMatchers("/settings", "/settings/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .hasRole("OPERATOR"))
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/records").permitAll())
        .logout(
            l ->
                l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("IBSESSION"))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(f -> f.deny()))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .build();
  }

  private static HttpSecurity stateless(HttpSecurity http, ApiTokens tokens, ObjectMapper json)
      throws Exception {
    return http.addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .headers(
            h ->
                h.contentSecurityPolicy(
                    c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (req, resp, ex) ->
                            problem(
                                json,
                                req,
                                resp,
                                HttpStatus.UNAUTHORIZED,
                                "Send a valid API token as 'Authorization: Bearer <token>'."))
                    .accessDeniedHandler(
                        (req, resp, ex) ->
                            problem(
                                json,
                                req,
                                resp,
                                HttpStatus.FORBIDDEN,
                                "This API token's scope does not allow this operation; an admin token is needed.")));
  }

  private static void problem(
      ObjectMapper json,
      HttpServletRequest req,
      HttpServletResponse resp,
      HttpStatus status,
      String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", req.getRequestURI());
    resp.setStatus(status.value());
    resp.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (status == HttpStatus.UNAUTHORIZED) {
      resp.setHeader("WWW-Authenticate", "Bearer realm=\"invoicebridge\"");
    }
    resp.getOutputStream().write(json.writeValueAsBytes(body));
  }
}
