package dev.invoicebridge.records;

import dev.invoicebridge.attio.AttioClient;
import dev.invoicebridge.attio.AttioObject;
import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** Lists a workspace's Attio objects and their records, live from Attio. */
@Service
public class RecordBrowser {
  /** Objects that hold no records an invoice could start from. */
  private static final Set<String> HIDDEN = Set.of("users", "workspaces");

  private static final List<String> STANDARD = List.of("people", "companies", "deals");
  // Attribute lists change rarely; a short cache keeps every search at one Attio call.
  private static final Duration PROFILE_TTL = Duration.ofSeconds(60);

  private final AttioClients clients;
  private final Clock clock;
  private final Map<ProfileKey, CachedProfile> profiles = new ConcurrentHashMap<>();

  RecordBrowser(AttioClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  /** An object records can be browsed in. */
  public record ObjectSummary(String slug, String singularNoun, String pluralNoun) {}

  /** One record as lists and pickers show it. */
  public record RecordSummary(
      String recordId, String displayName, String primaryEmail, String webUrl) {}

  /** One page of records; {@code hasMore} says whether a next page exists. */
  public record RecordPage(
      String object, List<RecordSummary> records, int limit, int offset, boolean hasMore) {}

  private record ProfileKey(WorkspaceId workspace, String object) {}

  private record CachedProfile(ObjectProfile profile, Instant until) {}

  /** People, companies and deals first, then custom objects by name. */
  public List<ObjectSummary> objects(WorkspaceId workspace) {
    return clients.forWorkspace(workspace).listObjects().stream()
        .filter(o -> !HIDDEN.contains(o.apiSlug()))
        .sorted(
            Comparator.comparingInt(RecordBrowser::standardRank)
                .thenComparing(o -> String.valueOf(o.pluralNoun())))
        .map(o -> new ObjectSummary(o.apiSlug(), o.singularNoun(), o.pluralNoun()))
        .toList();
  }

  /**
   * One page of {@code object}'s records, filtered by {@code query} (name, email or domain
   * containing it; blank for all).
   */
  public RecordPage list(
      WorkspaceId workspace, String object, String query, int limit, int offset) {
    AttioClient attio = clients.forWorkspace(workspace);
    ObjectProfile profile = profile(attio, workspace, object);
    // One extra record tells whether there is a next page without a count query.
    RecordQuery page = RecordQuery.all().page(limit + 1, offset);
    if (query != null && !query.isBlank()) {
      page = page.filter(profile.search(query.strip()).orElse(null));
    }
    if (profile.sort().isPresent()) {
      page = page.sortedBy(profile.sort().get());
    }
    List<AttioRecord> records = attio.queryRecords(object, page);
    List<RecordSummary> summaries =
        records.stream().limit(limit).map(r -> summary(profile, r)).toList();
    return new RecordPage(object, summaries, limit, offset, records.size() > limit);
  }

  private ObjectProfile profile(AttioClient attio, WorkspaceId workspace, String object) {
    ProfileKey key = new ProfileKey(workspace, object);
    Instant now = clock.instant();
    CachedProfile cached = profiles.get(key);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.profile();
    }
    ObjectProfile profile = ObjectProfile.of(attio.listAttributes(object));
    profiles.put(key, new CachedProfile(profile, now.plus(PROFILE_TTL)));
    return profile;
  }

  private static RecordSummary summary(ObjectProfile profile, AttioRecord record) {
    return new RecordSummary(
        record.id().value(),
        profile.displayName(record),
        profile.primaryEmail(record).orElse(null),
        record.webUrl());
  }

  private static int standardRank(AttioObject object) {
    int rank = STANDARD.indexOf(object.apiSlug());
    return rank < 0 ? STANDARD.size() : rank;
  }
}
