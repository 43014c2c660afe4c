package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.attio.contract.ContractCheck;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(ContractCheck.class)
class HttpAttioClientActivityTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final WebhookReceiver receiver = new WebhookReceiver();
  private static SandboxFixture sandbox;
  private static AttioClient attio;

  @BeforeAll
  static void start() {
    sandbox = SandboxFixture.start(Map.of("receiver", receiver));
    attio = sandbox.defaultClient();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void emptyWorkspace() {
    sandbox.control().reset(false);
    while (receiver.poll() != null) {
      // Forget deliveries of earlier tests.
    }
  }

  private static URI target() {
    return URI.create(sandbox.server().baseUri("receiver") + "/attio");
  }

  private static AttioRecord person() {
    return attio.createRecord(
        "people",
        RecordValues.builder()
            .name("name", "Ada", "Lovelace")
            .emails("email_addresses", "ada@acme.com")
            .build());
  }

  @Test
  void the_workspace_has_its_member() {
    List<WorkspaceMember> members = attio.listWorkspaceMembers();
    assertThat(members).hasSize(1);
    assertThat(members.get(0).emailAddress()).isEqualTo("sandra@invoicebridge.dev");
  }

  @Test
  void a_note_is_attached_to_a_record() {
    AttioRecord ada = person();
    AttioNote note =
        attio.createNote(
            NewNote.plaintext("people", ada.id(), "Invoice INV-1 paid", "Paid $120.50 via Stripe"));
    assertThat(note.parentRecordId()).isEqualTo(ada.id());
    assertThat(note.parentObject()).isEqualTo("people");
    assertThat(note.contentPlaintext()).isEqualTo("Paid $120.50 via Stripe");
  }

  @Test
  void a_note_on_a_missing_record_is_not_found() {
    RecordId ghost = new RecordId("00000000-0000-4000-8000-000000000000");
    assertThatThrownBy(() -> attio.createNote(NewNote.plaintext("people", ghost, "t", "c")))
        .isInstanceOf(AttioNotFoundException.class);
  }

  @Test
  void a_task_is_linked_and_assigned() {
    AttioRecord ada = person();
    WorkspaceMemberId member = attio.listWorkspaceMembers().get(0).id();
    Instant deadline = Instant.parse("2026-02-01T00:00:00Z");
    AttioTask task =
        attio.createTask(
            new NewTask(
                "Follow up on INV-1",
                deadline,
                List.of(new LinkedRecord("people", ada.id())),
                List.of(member)));
    assertThat(task.contentPlaintext()).isEqualTo("Follow up on INV-1");
    assertThat(task.deadlineAt()).isEqualTo(deadline);
    assertThat(task.linkedRecords()).extracting(LinkedRecord::recordId).containsExactly(ada.id());
    assertThat(task.linkedRecords().get(0).object())
        .isEqualTo(attio.getObject("people").id().value());
    assertThat(task.assignees()).containsExactly(member);
  }

  @Test
  void webhooks_are_created_listed_read_and_deleted() {
    CreatedWebhook created =
        attio.createWebhook(
            new NewWebhook(target(), List.of(WebhookSubscription.all("record.created"))));
    assertThat(created.secret()).hasSize(64);
    assertThat(created.toString()).doesNotContain(created.secret());
    assertThat(attio.listWebhooks())
        .extracting(AttioWebhook::id)
        .containsExactly(created.webhook().id());
    AttioWebhook read = attio.getWebhook(created.webhook().id());
    assertThat(read.status()).isEqualTo("active");
    assertThat(read.subscriptions())
        .extracting(WebhookSubscription::eventType)
        .containsExactly("record.created");
    attio.deleteWebhook(created.webhook().id());
    assertThatThrownBy(() -> attio.getWebhook(created.webhook().id()))
        .isInstanceOf(AttioNotFoundException.class);
  }

  @Test
  void record_events_arrive_signed_and_filtered_like_attios() throws Exception {
    String companies = attio.getObject("companies").id().value();
    Map<String, Object> onlyCompanies =
        Map.of(
            "$and",
            List.of(Map.of("field", "id.object_id", "operator", "equals", "value", companies)));
    CreatedWebhook hook =
        attio.createWebhook(
            new NewWebhook(
                target(), List.of(new WebhookSubscription("record.created", onlyCompanies))));
    person();
    AttioRecord acme =
        attio.createRecord(
            "companies",
            RecordValues.builder().text("name", "Acme").domains("domains", "acme.com").build());

    WebhookReceiver.Delivery d = receiver.next(WAIT);
    assertThat(
            AttioWebhookSignature.isValid(
                d.body(), d.headers().get("Attio-Signature"), hook.secret()))
        .isTrue();
    assertThat(d.headers().get("X-Attio-Signature")).isEqualTo(d.headers().get("Attio-Signature"));
    JsonNode payload =
        JsonMapper.builder().build().readTree(new String(d.body(), StandardCharsets.UTF_8));
    assertThat(payload.path("webhook_id").asString()).isEqualTo(hook.webhook().id().value());
    JsonNode event = payload.path("events").get(0);
    assertThat(event.path("event_type").asString()).isEqualTo("record.created");
    assertThat(event.path("id").path("record_id").asString()).isEqualTo(acme.id().value());
    assertThat(receiver.poll()).as("the person was filtered out").isNull();
  }

  @Test
  void a_failed_delivery_is_retried_with_the_same_idempotency_key() throws Exception {
    CreatedWebhook hook =
        attio.createWebhook(
            new NewWebhook(target(), List.of(WebhookSubscription.all("record.updated"))));
    AttioRecord ada = person();
    receiver.answer(500);
    attio.updateRecord(
        "people",
        ada.id(),
        RecordValues.builder().text("job_title", "CFO").build(),
        UpdateMode.OVERWRITE);
    WebhookReceiver.Delivery first = receiver.next(WAIT);
    WebhookReceiver.Delivery retry = receiver.next(WAIT);
    assertThat(retry.headers().get("Idempotency-Key"))
        .isEqualTo(first.headers().get("Idempotency-Key"));
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(
            AttioWebhookSignature.isValid(
                retry.body(), retry.headers().get("Attio-Signature"), hook.secret()))
        .isTrue();
    // The first attempt is recorded before its retry is scheduled.
    assertThat(sandbox.control().webhookAttempts().get(0).status()).isEqualTo(500);
  }
}
