package dev.invoicebridge.sandbox.attio;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The emulated workspace's state with its routes; replaced whole on reset. */
final class AttioEngine {
  final AttioStore store;
  final AttioRoutes routes = new AttioRoutes();
  final Map<String, WebhookDef> webhooks = new ConcurrentHashMap<>();

  private AttioEngine(AttioWorkspace workspace, Clock clock) {
    this.store = new AttioStore(workspace, clock);
    store.members.add(DemoData.member(store));
    StandardObjects.install(store);
    new SchemaApi(store).register(routes);
    new OptionApi(store).register(routes);
    new RecordApi(store).register(routes);
    new ActivityApi(store).register(routes);
    new WebhookApi(store, webhooks).register(routes);
  }

  /** A fresh workspace: standard objects, one member, and the demo records when asked. */
  static AttioEngine create(AttioWorkspace workspace, Clock clock, boolean demo) {
    AttioEngine engine = new AttioEngine(workspace, clock);
    if (demo) {
      DemoData.seed(engine.store);
    }
    return engine;
  }

  Optional<AttioRoutes.Match> route(String method, String path) {
    return routes.match(method, path);
  }

  Collection<WebhookDef> webhookDefs() {
    return webhooks.values();
  }
}
