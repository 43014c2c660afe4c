package dev.invoicebridge.sandbox.stripe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Where deliveries go in an endpoint's queue under the test switches. Every choice comes from one
 * seeded {@link Random}, so a batch planned twice with the same seed comes out the same.
 */
final class WebhookPlan {
  private WebhookPlan() {}

  /**
   * The order a held batch is delivered in: shuffled when asked, and with a copy of each chosen
   * delivery (all of them with {@code duplicates}, else exactly {@code duplicateRatio} of them,
   * rounded) placed after its original: right behind it with {@code duplicates}, else at a random
   * later position.
   */
  static <T> List<T> order(List<T> batch, WebhookSwitches switches, Random random) {
    List<T> originals = new ArrayList<>(batch);
    if (switches.shuffled()) {
      Collections.shuffle(originals, random);
    }
    int n = originals.size();
    // copies.get(g): the copies that go just before original g (g == n: at the very end).
    List<List<T>> copies = new ArrayList<>();
    for (int g = 0; g <= n; g++) {
      copies.add(new ArrayList<>());
    }
    for (int i : duplicated(n, switches, random)) {
      int gap = switches.duplicates() ? i + 1 : later(i, n, random);
      copies.get(gap).add(originals.get(i));
    }
    List<T> out = new ArrayList<>();
    for (int g = 0; g <= n; g++) {
      Collections.shuffle(copies.get(g), random);
      out.addAll(copies.get(g));
      if (g < n) {
        out.add(originals.get(g));
      }
    }
    return out;
  }

  /** A position after {@code index} in a list of {@code size}: index + 1 up to size (the end). */
  static int later(int index, int size, Random random) {
    return index + 1 + random.nextInt(size - index);
  }

  private static List<Integer> duplicated(int n, WebhookSwitches switches, Random random) {
    List<Integer> all = new ArrayList<>(IntStream.range(0, n).boxed().toList());
    if (switches.duplicates()) {
      return all;
    }
    Collections.shuffle(all, random);
    int count = (int) Math.round(switches.duplicateRatio() * n);
    return all.subList(0, count).stream().sorted().toList();
  }
}
