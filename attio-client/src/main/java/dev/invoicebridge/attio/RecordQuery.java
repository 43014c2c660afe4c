package dev.invoicebridge.attio;

import java.util.ArrayList;
import java.util.List;

/**
 * A records query: optional filter, sorts, and one page ({@code limit} 1..500, {@code offset}). A
 * page shorter than {@code limit} is the last.
 */
public record RecordQuery(Filter filter, List<Sort> sorts, int limit, int offset) {
  /** Attio's own default and maximum page size for records queries. */
  public static final int MAX_LIMIT = 500;

  public RecordQuery {
    sorts = List.copyOf(sorts);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
  }

  /** Every record, first page of {@link #MAX_LIMIT}, Attio's default order. */
  public static RecordQuery all() {
    return new RecordQuery(null, List.of(), MAX_LIMIT, 0);
  }

  public RecordQuery filter(Filter newFilter) {
    return new RecordQuery(newFilter, sorts, limit, offset);
  }

  public RecordQuery sortedBy(Sort sort) {
    List<Sort> more = new ArrayList<>(sorts);
    more.add(sort);
    return new RecordQuery(filter, more, limit, offset);
  }

  public RecordQuery page(int newLimit, int newOffset) {
    return new RecordQuery(filter, sorts, newLimit, newOffset);
  }

  /** The page after this one. */
  public RecordQuery next() {
    return page(limit, offset + limit);
  }
}
