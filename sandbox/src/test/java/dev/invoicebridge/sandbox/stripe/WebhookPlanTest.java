package dev.invoicebridge.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookPlanTest {
  static final List<Integer> BATCH = IntStream.range(0, 100).boxed().toList();

  @Test
  void the_same_seed_gives_the_same_shuffled_order_and_another_seed_another() {
    WebhookSwitches shuffled = switches(false, true, 0.3);

    List<Integer> first = WebhookPlan.order(BATCH, shuffled, new Random(42));
    List<Integer> again = WebhookPlan.order(BATCH, shuffled, new Random(42));
    List<Integer> other = WebhookPlan.order(BATCH, shuffled, new Random(43));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(new LinkedHashSet<>(first)).containsExactlyInAnyOrderElementsOf(BATCH);
    assertThat(firstOccurrences(first)).isNotEqualTo(BATCH);
  }

  @Test
  void a_ratio_copies_exactly_that_share_each_copy_at_a_random_later_place() {
    List<Integer> planned = WebhookPlan.order(BATCH, switches(false, false, 0.3), new Random(7));

    Map<Integer, Long> counts =
        planned.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(planned).hasSize(130);
    assertThat(counts.values().stream().filter(c -> c == 2)).hasSize(30);
    assertThat(counts.values()).containsOnly(1L, 2L);
    // Not shuffled: the originals keep their order, and the copies are spread, not adjacent.
    assertThat(firstOccurrences(planned)).isEqualTo(BATCH);
    long adjacent =
        IntStream.range(1, planned.size())
            .filter(i -> planned.get(i).equals(planned.get(i - 1)))
            .count();
    assertThat(adjacent).isLessThan(30);
  }

  @Test
  void duplicates_put_every_copy_right_behind_its_original() {
    List<Integer> planned =
        WebhookPlan.order(List.of(1, 2, 3), switches(true, false, 0), new Random(1));

    assertThat(planned).containsExactly(1, 1, 2, 2, 3, 3);
  }

  @Test
  void without_switches_the_batch_keeps_its_order_and_size() {
    assertThat(WebhookPlan.order(BATCH, WebhookSwitches.normal(), new Random(1))).isEqualTo(BATCH);
  }

  private static List<Integer> firstOccurrences(List<Integer> planned) {
    return new ArrayList<>(new LinkedHashSet<>(planned));
  }

  private static WebhookSwitches switches(boolean duplicates, boolean shuffled, double ratio) {
    return new WebhookSwitches(
        duplicates, false, shuffled, ratio, Optional.empty(), true, Duration.ofSeconds(10));
  }
}
