package dev.invoicebridge.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Base for HTTP tests that need a sandbox-mode service of their own, because they change what every
 * test of a shared service would see (the sync switch, a second workspace, the QuickBooks
 * connection, the Stripe catalog, a backfill's jobs and Attio writes) or count on emulators nobody
 * else touched. The property below gives these classes a context key of their own, so they never
 * share the {@link SandboxAppTest} context; the context is closed after the class, so it holds no
 * memory or scheduler threads while later classes run, and the next class starts a fresh one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "invoicebridge.instance-name=own-context")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class OwnSandboxAppTest extends SandboxAppTest {}
