package dev.invoicebridge.attio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One attribute value, typed by Attio's attribute type. The same records serve both directions:
 * read from a record's {@code values} (where Attio fills every field) and written in create, update
 * and assert calls (where only the fields Attio's write shape needs are required).
 */
public sealed interface AttioValue {
  /** Attio's {@code attribute_type} for this value, such as {@code "record-reference"}. */
  String attributeType();

  /** A text value. */
  record Text(String value) implements AttioValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String attributeType() {
      return "text";
    }
  }

  /** A number (Attio stores a 64-bit float; kept exact here). */
  record Number(BigDecimal value) implements AttioValue {
    public Number {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String attributeType() {
      return "number";
    }
  }

  /** A checkbox. */
  record Checkbox(boolean value) implements AttioValue {
    @Override
    public String attributeType() {
      return "checkbox";
    }
  }

  /**
   * A currency amount (at most 4 decimal places). The code is fixed per attribute: on write it is
   * ignored (may be null); on read Attio reports it.
   */
  record Currency(BigDecimal amount, String currencyCode) implements AttioValue {
    public Currency {
      Objects.requireNonNull(amount, "amount");
      if (amount.scale() > 4 && amount.stripTrailingZeros().scale() > 4) {
        throw new IllegalArgumentException("Attio keeps at most 4 decimal places: " + amount);
      }
    }

    /** A value to write; the attribute decides the currency. */
    public static Currency of(BigDecimal amount) {
      return new Currency(amount, null);
    }

    @Override
    public String attributeType() {
      return "currency";
    }
  }

  /** A calendar date (no time, no zone). */
  record Date(LocalDate value) implements AttioValue {
    public Date {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String attributeType() {
      return "date";
    }
  }

  /** An instant (Attio stores UTC with nanosecond precision). */
  record Timestamp(Instant value) implements AttioValue {
    public Timestamp {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String attributeType() {
      return "timestamp";
    }
  }

  /**
   * A select option. Write it by title ({@link #titled}); Attio does not create missing options, it
   * answers {@code value_not_found}. Read values carry both id and title.
   */
  record Select(OptionId optionId, String title) implements AttioValue {
    public Select {
      if (optionId == null && title == null) {
        throw new IllegalArgumentException("a select value needs an option id or a title");
      }
    }

    public static Select titled(String title) {
      return new Select(null, Objects.requireNonNull(title, "title"));
    }

    @Override
    public String attributeType() {
      return "select";
    }
  }

  /** A status (like a select, with its own ids); written by title or id. */
  record Status(StatusId statusId, String title) implements AttioValue {
    public Status {
      if (statusId == null && title == null) {
        throw new IllegalArgumentException("a status value needs a status id or a title");
      }
    }

    public static Status titled(String title) {
      return new Status(null, Objects.requireNonNull(title, "title"));
    }

    @Override
    public String attributeType() {
      return "status";
    }
  }

  /** A reference to another record; the target must exist (Attio does not create it). */
  record RecordReference(String targetObject, RecordId targetRecordId) implements AttioValue {
    public RecordReference {
      Objects.requireNonNull(targetObject, "targetObject");
      Objects.requireNonNull(targetRecordId, "targetRecordId");
    }

    @Override
    public String attributeType() {
      return "record-reference";
    }
  }

  /**
   * A reference to an actor, such as a deal's owner. Read as the actor's type and id; written for a
   * workspace member by email ({@link #member(String)}) or by id ({@link
   * #member(WorkspaceMemberId)}). Attio answers {@code value_not_found} for an unknown member.
   *
   * @param actorType {@code workspace-member}, {@code api-token}, {@code system} or {@code app}
   * @param actorId the actor's id; null when written by email
   * @param memberEmail a workspace member's email, used only to write
   */
  record ActorReference(String actorType, String actorId, String memberEmail)
      implements AttioValue {
    public ActorReference {
      Objects.requireNonNull(actorType, "actorType");
      if (actorId == null && memberEmail == null) {
        throw new IllegalArgumentException("an actor reference needs an actor id or an email");
      }
    }

    public static ActorReference member(String email) {
      return new ActorReference("workspace-member", null, Objects.requireNonNull(email, "email"));
    }

    public static ActorReference member(WorkspaceMemberId id) {
      return new ActorReference("workspace-member", id.value(), null);
    }

    @Override
    public String attributeType() {
      return "actor-reference";
    }
  }

  /** An email address; Attio derives the domain parts on read. */
  record EmailAddress(String emailAddress) implements AttioValue {
    public EmailAddress {
      Objects.requireNonNull(emailAddress, "emailAddress");
      if (emailAddress.indexOf('@') <= 0) {
        throw new IllegalArgumentException("not an email address: " + emailAddress);
      }
    }

    /** The part after the @, lower-cased. */
    public String domain() {
      return emailAddress.substring(emailAddress.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String attributeType() {
      return "email-address";
    }
  }

  /** A person's name; Attio's object write form needs all three parts. */
  record PersonalName(String firstName, String lastName, String fullName) implements AttioValue {
    public PersonalName {
      Objects.requireNonNull(firstName, "firstName");
      Objects.requireNonNull(lastName, "lastName");
      Objects.requireNonNull(fullName, "fullName");
    }

    /** First and last name, with the full name joined from them. */
    public static PersonalName of(String firstName, String lastName) {
      return new PersonalName(firstName, lastName, (firstName + " " + lastName).trim());
    }

    @Override
    public String attributeType() {
      return "personal-name";
    }
  }

  /** A web domain; the root domain is filled in on read (null on write). */
  record Domain(String domain, String rootDomain) implements AttioValue {
    public Domain {
      Objects.requireNonNull(domain, "domain");
    }

    public static Domain of(String domain) {
      return new Domain(domain, null);
    }

    @Override
    public String attributeType() {
      return "domain";
    }
  }

  /**
   * A phone number: written as the original number with an optional ISO country code; read with
   * Attio's normalised E.164 {@code phoneNumber}.
   */
  record PhoneNumber(String originalPhoneNumber, String countryCode, String phoneNumber)
      implements AttioValue {
    public PhoneNumber {
      Objects.requireNonNull(originalPhoneNumber, "originalPhoneNumber");
    }

    public static PhoneNumber of(String originalPhoneNumber, String countryCode) {
      return new PhoneNumber(originalPhoneNumber, countryCode, null);
    }

    @Override
    public String attributeType() {
      return "phone-number";
    }
  }

  /**
   * A value of a type this client does not model (location, rating, interaction, new types): its
   * fields as Attio sent them, minus the common ones. Written back verbatim.
   */
  record Other(String attributeType, Map<String, Object> fields) implements AttioValue {
    public Other {
      Objects.requireNonNull(attributeType, "attributeType");
      fields = Map.copyOf(fields);
    }
  }
}
