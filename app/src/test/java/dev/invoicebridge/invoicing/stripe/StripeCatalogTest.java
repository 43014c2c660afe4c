package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The line picker's catalog: every active price is reachable by paging, searched or not. */
class StripeCatalogTest {
  private StripeSandboxRig rig;
  private StripeCatalog catalog;

  @BeforeEach
  void start() {
    rig = new StripeSandboxRig();
    catalog = rig.invoicing().catalog();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void paging_with_the_cursor_reaches_every_price_once_newest_first() {
    List<String> seeded = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      seeded.addFirst(rig.sandbox().seedPrice("Item " + i, "usd", 100 + i));
    }

    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      Page<CatalogPrice> page = catalog.activePrices(cursor, 2);
      page.items().forEach(p -> seen.add(p.price().value()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent());

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(seeded);
  }

  @Test
  void a_search_continues_past_the_first_hundred_prices_with_its_cursor() {
    // 105 prices: two pages of Stripe's largest list; matches on both pages.
    List<String> needles = new ArrayList<>();
    for (int i = 0; i < 105; i++) {
      boolean needle = i == 0 || i == 50 || i == 104;
      String id = rig.sandbox().seedPrice((needle ? "Needle " : "Hay ") + i, "usd", 100);
      if (needle) {
        needles.addFirst(id);
      }
    }

    Page<CatalogPrice> first = catalog.search("NEEDLE", Optional.empty(), 2);
    Page<CatalogPrice> rest = catalog.search("needle", first.nextCursor(), 2);

    assertThat(first.items())
        .extracting(p -> p.price().value())
        .containsExactlyElementsOf(needles.subList(0, 2));
    assertThat(first.nextCursor()).isPresent();
    assertThat(rest.items()).extracting(p -> p.price().value()).containsExactly(needles.get(2));
    assertThat(rest.nextCursor()).isEmpty();
  }
}
