package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.OptionDef;
import java.util.List;

/**
 * The objects every Attio workspace starts with (people, companies, deals, users, workspaces), with
 * the standard attributes the product touches and the relationships that mirror each other.
 */
final class StandardObjects {
  private StandardObjects() {}

  static void install(AttioStore store) {
    ObjectDef people = object(store, "people", "Person", "People");
    ObjectDef companies = object(store, "companies", "Company", "Companies");
    ObjectDef deals = object(store, "deals", "Deal", "Deals");
    ObjectDef users = object(store, "users", "User", "Users");
    ObjectDef workspaces = object(store, "workspaces", "Workspace", "Workspaces");

    attr(store, people, "name", "Name", "personal-name");
    flags(attr(store, people, "email_addresses", "Email addresses", "email-address"), true, true);
    ref(store, people, "company", "Company", companies, false);
    attr(store, people, "description", "Description", "text");
    attr(store, people, "job_title", "Job title", "text");
    flags(attr(store, people, "phone_numbers", "Phone numbers", "phone-number"), false, true);
    attr(store, people, "primary_location", "Primary location", "location");
    ref(store, people, "associated_deals", "Associated deals", deals, true);
    ref(store, people, "associated_users", "Associated users", users, true);

    attr(store, companies, "name", "Name", "text");
    flags(attr(store, companies, "domains", "Domains", "domain"), true, true);
    attr(store, companies, "description", "Description", "text");
    ref(store, companies, "team", "Team", people, true);
    AttributeDef categories = attr(store, companies, "categories", "Categories", "select");
    categories.multiselect = true;
    for (String c : List.of("B2B", "B2C", "SaaS", "E-commerce", "Consulting", "Manufacturing")) {
      categories.options.add(new OptionDef(AttioStore.newId(), c));
    }
    attr(store, companies, "primary_location", "Primary location", "location");
    ref(store, companies, "associated_deals", "Associated deals", deals, true);

    attr(store, deals, "name", "Deal name", "text").required = true;
    AttributeDef stage = attr(store, deals, "stage", "Deal stage", "status");
    stage.required = true;
    for (String s : List.of("Lead", "In Progress", "Won 🎉", "Lost")) {
      stage.options.add(new OptionDef(AttioStore.newId(), s));
    }
    attr(store, deals, "owner", "Deal owner", "actor-reference").required = true;
    AttributeDef value = attr(store, deals, "value", "Deal value", "currency");
    value.currencyCode = "USD";
    value.currencyDisplay = "symbol";
    ref(store, deals, "associated_people", "Associated people", people, true);
    ref(store, deals, "associated_company", "Associated company", companies, false);

    flags(attr(store, users, "user_id", "ID", "text"), true, false);
    flags(attr(store, users, "primary_email_address", "Email", "email-address"), true, false);
    ref(store, users, "person", "Person", people, false);

    flags(attr(store, workspaces, "workspace_id", "ID", "text"), true, false);
    attr(store, workspaces, "name", "Name", "text");

    mirror(people, "company", companies, "team");
    mirror(people, "associated_deals", deals, "associated_people");
    mirror(companies, "associated_deals", deals, "associated_company");
    mirror(people, "associated_users", users, "person");
  }

  private static ObjectDef object(AttioStore store, String slug, String singular, String plural) {
    ObjectDef o = new ObjectDef(AttioStore.newId(), slug, singular, plural, store.now());
    store.add(o);
    return o;
  }

  private static AttributeDef attr(
      AttioStore store, ObjectDef object, String slug, String title, String type) {
    AttributeDef a = new AttributeDef(AttioStore.newId(), object.id, type, store.now());
    a.slug = slug;
    a.title = title;
    a.system = true;
    object.attributes.put(slug, a);
    return a;
  }

  private static AttributeDef flags(AttributeDef a, boolean unique, boolean multiselect) {
    a.unique = unique;
    a.multiselect = multiselect;
    return a;
  }

  private static void ref(
      AttioStore store,
      ObjectDef object,
      String slug,
      String title,
      ObjectDef target,
      boolean multi) {
    AttributeDef a = attr(store, object, slug, title, "record-reference");
    a.multiselect = multi;
    a.allowedObjectIds = List.of(target.id);
  }

  /** Two attributes that always mirror each other (a person's company and the company's team). */
  private static void mirror(ObjectDef a, String aSlug, ObjectDef b, String bSlug) {
    AttributeDef left = a.attributes.get(aSlug);
    AttributeDef right = b.attributes.get(bSlug);
    left.inverseObjectSlug = b.slug;
    left.inverseAttributeSlug = bSlug;
    right.inverseObjectSlug = a.slug;
    right.inverseAttributeSlug = aSlug;
  }
}
