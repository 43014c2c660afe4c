package dev.invoicebridge.sandbox.attio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emulated endpoints: method and path template to handler, and whether it is a write. */
final class AttioRoutes {
  /** Produces the response body (already wrapped as Attio wraps it). */
  interface Handler {
    Object handle(AttioCall call);
  }

  /** A matched route with its path parameters. */
  record Match(Handler handler, boolean write, Map<String, String> params) {}

  private record Route(
      String method, Pattern pattern, List<String> names, Handler handler, boolean write) {}

  private final List<Route> routes = new ArrayList<>();

  /** {@code template} uses {@code {name}} for path parameters. */
  AttioRoutes add(String method, String template, boolean write, Handler handler) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(template);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    routes.add(new Route(method, Pattern.compile("^" + regex + "$"), names, handler, write));
    return this;
  }

  AttioRoutes get(String template, Handler handler) {
    return add("GET", template, false, handler);
  }

  AttioRoutes write(String method, String template, Handler handler) {
    return add(method, template, true, handler);
  }

  Optional<Match> match(String method, String path) {
    for (Route r : routes) {
      Matcher m = r.pattern().matcher(path);
      if (r.method().equals(method) && m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < r.names().size(); i++) {
          params.put(r.names().get(i), m.group(i + 1));
        }
        return Optional.of(new Match(r.handler(), r.write(), params));
      }
    }
    return Optional.empty();
  }

  /** Whether some route exists for the path under another method (Attio answers 404 either way). */
  boolean knownPath(String path) {
    return routes.stream().anyMatch(r -> r.pattern().matcher(path).matches());
  }
}
