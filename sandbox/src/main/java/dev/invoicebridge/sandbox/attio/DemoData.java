package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.RecordWriter.Mode;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo workspace of sandbox mode: 10 companies, 30 people on their teams and 8 deals, written
 * through the same code path as API writes, so they obey every rule real records obey.
 */
final class DemoData {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String[][] COMPANIES = {
    {"Acme Corporation", "acme.com", "Manufacturing"},
    {"Globex", "globex.com", "B2B"},
    {"Initech", "initech.com", "SaaS"},
    {"Umbrella Health", "umbrella-health.com", "B2B"},
    {"Stark Industries", "starkindustries.com", "Manufacturing"},
    {"Wayne Enterprises", "wayne-enterprises.com", "Consulting"},
    {"Hooli", "hooli.com", "SaaS"},
    {"Pied Piper", "piedpiper.com", "SaaS"},
    {"Soylent Foods", "soylent.com", "B2C"},
    {"Tyrell Shop", "tyrellshop.com", "E-commerce"},
  };
  private static final String[] FIRST = {
    "Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia",
    "Tim", "Frances", "Edsger", "Hedy", "John", "Joan", "Donald", "Sophie", "Claude", "Annie",
    "Niklaus", "Karen", "Guido", "Shafi", "James", "Lynn", "Bjarne", "Adele", "Vint", "Jean"
  };
  private static final String[] LAST = {
    "Lovelace",
    "Hopper",
    "Turing",
    "Johnson",
    "Torvalds",
    "Hamilton",
    "Ritchie",
    "Liskov",
    "Thompson",
    "Perlman",
    "Berners-Lee",
    "Allen",
    "Dijkstra",
    "Lamarr",
    "McCarthy",
    "Clarke",
    "Knuth",
    "Wilson",
    "Shannon",
    "Easley",
    "Wirth",
    "Jones",
    "van Rossum",
    "Goldwasser",
    "Gosling",
    "Conway",
    "Stroustrup",
    "Goldberg",
    "Cerf",
    "Bartik"
  };
  private static final String[] TITLES = {
    "CEO", "CFO", "Head of Finance", "Accounts Payable", "Operations Lead", "CTO"
  };
  private static final String[] STAGES = {"Lead", "In Progress", "Won 🎉", "Lost"};

  private DemoData() {}

  static void seed(AttioStore store) {
    RecordWriter writer = new RecordWriter(store);
    ObjectDef companies = store.object("companies");
    ObjectDef people = store.object("people");
    ObjectDef deals = store.object("deals");
    List<RecordData> companyRecords = new ArrayList<>();
    for (String[] c : COMPANIES) {
      companyRecords.add(
          write(
              store,
              writer,
              companies,
              Map.of("name", c[0], "domains", List.of(c[1]), "categories", List.of(c[2]))));
    }
    List<RecordData> personRecords = new ArrayList<>();
    for (int i = 0; i < FIRST.length; i++) {
      String[] company = COMPANIES[i % COMPANIES.length];
      String email =
          FIRST[i].toLowerCase(Locale.ROOT)
              + "."
              + LAST[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")
              + "@"
              + company[1];
      Map<String, Object> v = new LinkedHashMap<>();
      v.put(
          "name",
          List.of(
              Map.of(
                  "first_name",
                  FIRST[i],
                  "last_name",
                  LAST[i],
                  "full_name",
                  FIRST[i] + " " + LAST[i])));
      v.put("email_addresses", List.of(email));
      v.put(
          "company",
          List.of(
              Map.of(
                  "target_object",
                  "companies",
                  "target_record_id",
                  companyRecords.get(i % COMPANIES.length).id)));
      v.put("job_title", TITLES[i % TITLES.length]);
      v.put(
          "phone_numbers",
          List.of(
              Map.of(
                  "original_phone_number",
                  "+1415555" + String.format(Locale.ROOT, "%04d", 100 + i),
                  "country_code",
                  "US")));
      personRecords.add(write(store, writer, people, v));
    }
    String owner = (String) store.members.get(0).get("email_address");
    for (int i = 0; i < 8; i++) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("name", COMPANIES[i][0] + (i % 2 == 0 ? " annual plan" : " expansion"));
      v.put("stage", STAGES[i % STAGES.length]);
      v.put("owner", owner);
      v.put("value", 5000 + 2500 * i);
      v.put(
          "associated_company",
          List.of(
              Map.of("target_object", "companies", "target_record_id", companyRecords.get(i).id)));
      v.put(
          "associated_people",
          List.of(Map.of("target_object", "people", "target_record_id", personRecords.get(i).id)));
      write(store, writer, deals, v);
    }
  }

  private static RecordData write(
      AttioStore store, RecordWriter writer, ObjectDef object, Map<String, Object> values) {
    RecordData r = new RecordData(AttioStore.newId(), object.id, store.now());
    JsonNode node = JSON.valueToTree(values);
    writer.write(object, r, node, RecordWriter.Write.of(Mode.CREATE));
    return r;
  }

  /** The one member of the emulated workspace: the person who created the API token. */
  static Map<String, Object> member(AttioStore store) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "id",
        Map.of(
            "workspace_id",
            store.workspace.id(),
            "workspace_member_id",
            store.workspace.memberId()));
    m.put("first_name", "Sandra");
    m.put("last_name", "Box");
    m.put("avatar_url", null);
    m.put("email_address", "sandra@invoicebridge.dev");
    m.put("created_at", AttioTime.format(store.now()));
    m.put("access_level", "admin");
    return m;
  }
}
