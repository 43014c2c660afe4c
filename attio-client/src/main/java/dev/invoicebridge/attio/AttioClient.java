package dev.invoicebridge.attio;

import java.util.List;

/**
 * Attio's REST v2 API as the product uses it, in Attio's vocabulary. Object and attribute
 * parameters take an api slug or an id, as Attio's paths do. Every method throws a subtype of
 * {@link AttioException} on failure.
 */
public interface AttioClient {
  /** {@code GET /v2/self}: who the token belongs to; a cheap way to validate a token. */
  AttioIdentity self();

  // Objects

  /** {@code GET /v2/objects}: standard and custom objects. */
  List<AttioObject> listObjects();

  /** {@code GET /v2/objects/{object}}. */
  AttioObject getObject(String object);

  /** {@code POST /v2/objects}; a taken slug or noun is an {@link AttioConflictException}. */
  AttioObject createObject(NewObject object);

  // Attributes

  /** {@code GET /v2/objects/{object}/attributes}, every page, archived ones included. */
  List<AttioAttribute> listAttributes(String object);

  /** {@code GET /v2/objects/{object}/attributes/{attribute}}. */
  AttioAttribute getAttribute(String object, String attribute);

  /** {@code POST /v2/objects/{object}/attributes}; a taken slug is a conflict. */
  AttioAttribute createAttribute(String object, NewAttribute attribute);

  /** {@code PATCH /v2/objects/{object}/attributes/{attribute}}. */
  AttioAttribute updateAttribute(String object, String attribute, AttributeUpdate update);

  /** {@code GET .../attributes/{attribute}/options}, archived ones included. */
  List<SelectOption> listSelectOptions(String object, String attribute);

  /** {@code POST .../attributes/{attribute}/options}; a taken title is a conflict. */
  SelectOption createSelectOption(String object, String attribute, String title);

  /**
   * {@code PATCH .../attributes/{attribute}/options/{option}}: renames, archives or restores an
   * option; {@code option} is its id or its current title.
   */
  SelectOption updateSelectOption(
      String object, String attribute, String option, OptionUpdate update);

  /** {@code GET .../attributes/{attribute}/statuses}, archived ones included. */
  List<AttioStatus> listStatuses(String object, String attribute);

  // Records

  /** {@code POST /v2/objects/{object}/records}; fails on a unique-value clash. */
  AttioRecord createRecord(String object, RecordValues values);

  /** {@code GET /v2/objects/{object}/records/{record_id}}. */
  AttioRecord getRecord(String object, RecordId id);

  /**
   * {@code GET .../records/{record_id}/attributes/{attribute}/values}: the attribute's current
   * values, or with {@code historic} every value it ever had, oldest first (closed ones carry
   * {@link StoredValue#activeUntil()}).
   */
  List<StoredValue> listRecordValues(
      String object, RecordId id, String attribute, boolean historic);

  /** {@code POST /v2/objects/{object}/records/query}: one page. */
  List<AttioRecord> queryRecords(String object, RecordQuery query);

  /**
   * {@code PUT /v2/objects/{object}/records?matching_attribute=...}: updates the record whose
   * unique {@code matchingAttribute} matches a given value, else creates one.
   */
  AttioRecord assertRecord(String object, String matchingAttribute, RecordValues values);

  /** {@code PATCH} ({@link UpdateMode#APPEND}) or {@code PUT} ({@link UpdateMode#OVERWRITE}). */
  AttioRecord updateRecord(String object, RecordId id, RecordValues values, UpdateMode mode);

  /** {@code DELETE /v2/objects/{object}/records/{record_id}}. */
  void deleteRecord(String object, RecordId id);

  // Notes, tasks, members

  /** {@code POST /v2/notes}. */
  AttioNote createNote(NewNote note);

  /** {@code POST /v2/tasks}. */
  AttioTask createTask(NewTask task);

  /** {@code GET /v2/workspace_members}. */
  List<WorkspaceMember> listWorkspaceMembers();

  // Webhooks

  /** {@code POST /v2/webhooks}; the answer carries the signing secret, shown only once. */
  CreatedWebhook createWebhook(NewWebhook webhook);

  /** {@code GET /v2/webhooks}, every page. */
  List<AttioWebhook> listWebhooks();

  /** {@code GET /v2/webhooks/{webhook_id}}. */
  AttioWebhook getWebhook(WebhookId id);

  /** {@code DELETE /v2/webhooks/{webhook_id}}. */
  void deleteWebhook(WebhookId id);
}
