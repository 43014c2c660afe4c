package dev.invoicebridge.sandbox.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's routes: method, path template with {ids}, and the resource whose permission guards it.
 */
final class Router {
  /** Answers one call with the JSON object Stripe would return. */
  @FunctionalInterface
  interface Handler {
    Map<String, Object> handle(Call call);
  }

  record Route(
      String method,
      Pattern pattern,
      Permissions.Resource resource,
      Allowed allowed,
      Handler handler) {}

  record Match(Route route, List<String> args) {}

  private final List<Route> routes = new ArrayList<>();

  /** A route taking only the {@code allowed} parameters. */
  void add(
      String method,
      String template,
      Permissions.Resource resource,
      Allowed allowed,
      Handler handler) {
    routes.add(new Route(method, pattern(template), resource, allowed, handler));
  }

  private static Pattern pattern(String template) {
    return Pattern.compile(template.replaceAll("\\{[a-z_]+}", "([^/]+)"));
  }

  Optional<Match> match(String method, String path) {
    for (Route route : routes) {
      Matcher m = route.pattern().matcher(path);
      if (route.method().equals(method) && m.matches()) {
        List<String> args = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
          args.add(m.group(i));
        }
        return Optional.of(new Match(route, args));
      }
    }
    return Optional.empty();
  }
}
