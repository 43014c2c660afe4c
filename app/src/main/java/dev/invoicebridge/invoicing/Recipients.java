package dev.invoicebridge.invoicing;

import dev.invoicebridge.attio.AttioClient;
import dev.invoicebridge.attio.AttioNotFoundException;
import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.AttioValue;
import dev.invoicebridge.attio.Filter;
import dev.invoicebridge.attio.RecordId;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.settings.SyncSettings;
import dev.invoicebridge.workspace.WorkspaceId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Finds who an invoice from a record is addressed to, read live from Attio: a person is billed
 * itself; a company bills one of its people (its team, and people whose company it is); a deal or a
 * custom record bills one of the people it references, and is linked to the company it references.
 * When several people qualify, the caller must name one.
 */
@Component
class Recipients {
  static final String RECIPIENT = "recipient_record_id";
  static final String RECORD = "record.record_id";
  private static final int MAX_PEOPLE = 200;

  private final AttioClients clients;
  private final SyncSettings settings;

  Recipients(AttioClients clients, SyncSettings settings) {
    this.clients = clients;
    this.settings = settings;
  }

  /** The record's name and the people an invoice from it may be addressed to. */
  record Choices(String recordName, List<RecipientChoice> people) {}

  Choices choices(WorkspaceId workspace, RecordRef source) {
    AttioClient attio = clients.forWorkspace(workspace);
    AttioRecord record = read(attio, source.object(), source.recordId(), RECORD);
    Set<String> ids =
        switch (source.object()) {
          case "people" -> Set.of(source.recordId());
          case "companies" -> companyPeople(attio, record);
          default -> new LinkedHashSet<>(references(record, "people"));
        };
    List<RecipientChoice> people =
        ids.stream()
            .limit(MAX_PEOPLE)
            .map(id -> read(attio, "people", id, RECIPIENT))
            .map(
                p ->
                    new RecipientChoice(
                        p.id().value(), p.displayName(), p.primaryEmail().orElse(null)))
            .toList();
    return new Choices(record.displayName(), people);
  }

  private static Set<String> companyPeople(AttioClient attio, AttioRecord company) {
    Set<String> people = new LinkedHashSet<>(references(company, "team"));
    attio
        .queryRecords(
            "people",
            RecordQuery.all()
                .filter(Filter.references("company", "companies", company.id()))
                .page(MAX_PEOPLE, 0))
        .forEach(p -> people.add(p.id().value()));
    return people;
  }

  /**
   * The person in Attio with this email address, with their company; the first if several. When
   * none has it and the workspace creates missing people, the person is created, named {@code
   * customerName} (asked for only then).
   */
  Optional<Recipient> byEmail(
      WorkspaceId workspace, String email, Supplier<Optional<String>> customerName) {
    AttioClient attio = clients.forWorkspace(workspace);
    Optional<Recipient> found =
        attio
            .queryRecords(
                "people",
                RecordQuery.all().filter(Filter.equalTo("email_addresses", email)).page(1, 0))
            .stream()
            .findFirst()
            .map(
                p ->
                    new Recipient(
                        p.id().value(),
                        email,
                        p.displayName(),
                        references(p, "company").stream().findFirst(),
                        Optional.empty()));
    if (found.isPresent() || !settings.createMissingPeople(workspace)) {
      return found;
    }
    return Optional.of(CustomerPeople.create(attio, email, customerName.get()));
  }

  Recipient resolve(WorkspaceId workspace, RecordRef source, Optional<String> chosen) {
    AttioClient attio = clients.forWorkspace(workspace);
    AttioRecord record = read(attio, source.object(), source.recordId(), RECORD);
    return switch (source.object()) {
      case "people" -> {
        if (chosen.isPresent() && !chosen.get().equals(source.recordId())) {
          throw new ValidationFailure(RECIPIENT, "must be the person itself or left out");
        }
        yield person(record, references(record, "company").stream().findFirst(), Optional.empty());
      }
      case "companies" -> {
        Set<String> people = companyPeople(attio, record);
        String personId = pick(people, chosen, "company");
        yield person(
            read(attio, "people", personId, RECIPIENT),
            Optional.of(source.recordId()),
            Optional.empty());
      }
      default -> {
        Optional<String> company = references(record, "companies").stream().findFirst();
        Set<String> people = new LinkedHashSet<>(references(record, "people"));
        String personId = pick(people, chosen, source.object().equals("deals") ? "deal" : "record");
        Optional<String> deal =
            source.object().equals("deals") ? Optional.of(source.recordId()) : Optional.empty();
        yield person(read(attio, "people", personId, RECIPIENT), company, deal);
      }
    };
  }

  private static Recipient person(
      AttioRecord person, Optional<String> company, Optional<String> deal) {
    String email =
        person
            .primaryEmail()
            .orElseThrow(
                () ->
                    new ValidationFailure(
                        RECIPIENT,
                        "the person "
                            + person.displayName()
                            + " has no email address in Attio; add one to bill them"));
    Optional<String> ownCompany = references(person, "company").stream().findFirst();
    return new Recipient(
        person.id().value(),
        email,
        person.displayName(),
        company.isPresent() ? company : ownCompany,
        deal);
  }

  /** The chosen person, or the only one; several without a choice is a field error. */
  private static String pick(Set<String> people, Optional<String> chosen, String noun) {
    if (chosen.isPresent()) {
      if (!people.contains(chosen.get())) {
        throw new ValidationFailure(RECIPIENT, "is not one of the " + noun + "'s people");
      }
      return chosen.get();
    }
    if (people.isEmpty()) {
      throw new ValidationFailure(
          RECORD, "the " + noun + " has no people in Attio to address the invoice to");
    }
    if (people.size() > 1) {
      throw new ValidationFailure(
          RECIPIENT,
          "is required: the " + noun + " has " + people.size() + " people; pick one of them");
    }
    return people.iterator().next();
  }

  /**
   * Record ids referenced by {@code attributeOrObject}: an attribute's references when the record
   * has that attribute, else every reference to that object across all of its attributes.
   */
  private static List<String> references(AttioRecord record, String attributeOrObject) {
    if (record.values().containsKey(attributeOrObject)) {
      return record.all(attributeOrObject).stream()
          .filter(AttioValue.RecordReference.class::isInstance)
          .map(v -> ((AttioValue.RecordReference) v).targetRecordId().value())
          .toList();
    }
    return record.values().keySet().stream()
        .sorted()
        .flatMap(slug -> record.all(slug).stream())
        .filter(AttioValue.RecordReference.class::isInstance)
        .map(AttioValue.RecordReference.class::cast)
        .filter(r -> r.targetObject().equals(attributeOrObject))
        .map(r -> r.targetRecordId().value())
        .distinct()
        .toList();
  }

  private static AttioRecord read(AttioClient attio, String object, String id, String field) {
    try {
      return attio.getRecord(object, new RecordId(id));
    } catch (AttioNotFoundException e) {
      throw new ValidationFailure(field, "no such record in Attio (" + object + ")");
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(field, "is not an Attio record id");
    }
  }
}
