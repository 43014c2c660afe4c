package dev.invoicebridge.schema;

import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.workspace.WorkspaceId;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** A workspace's invoices schema in Attio: its mapping, its health, and setting it up. */
@Service
public class SchemaManager {
  private static final Logger log = LoggerFactory.getLogger(SchemaManager.class);

  private final AttioClients clients;
  private final SchemaMappings mappings;
  // One set-up at a time in this instance; across instances, conflicts are adopted (SchemaSetup).
  private final ReentrantLock setupLock = new ReentrantLock();

  private final ApplicationEventPublisher events;

  SchemaManager(AttioClients clients, SchemaMappings mappings, ApplicationEventPublisher events) {
    this.clients = clients;
    this.mappings = mappings;
    this.events = events;
  }

  /** Published after every set-up, so that whoever cached the object's attributes reads again. */
  public record SchemaSetUp(WorkspaceId workspace) {}

  public SchemaMapping mapping(WorkspaceId workspace) {
    return mappings.get(workspace);
  }

  /** Read-only check of the current mapping against Attio. */
  public SchemaReport health(WorkspaceId workspace) {
    return new SchemaSetup(clients.forWorkspace(workspace)).inspect(mappings.get(workspace));
  }

  /** Creates what the current mapping lacks in Attio. */
  public SchemaReport ensure(WorkspaceId workspace) {
    return ensure(workspace, mappings.get(workspace));
  }

  /** Saves {@code mapping} as the workspace's and sets it up. */
  public SchemaReport ensure(WorkspaceId workspace, SchemaMapping mapping) {
    setupLock.lock();
    try {
      mappings.save(workspace, mapping);
      SchemaReport report = new SchemaSetup(clients.forWorkspace(workspace)).ensure(mapping);
      log.info(
          "Attio schema set up for object {}: {} write(s); {}",
          mapping.objectSlug(),
          report.writes(),
          report.summary());
      return report;
    } finally {
      setupLock.unlock();
      events.publishEvent(new SchemaSetUp(workspace));
    }
  }
}
