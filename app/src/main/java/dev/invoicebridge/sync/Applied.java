package dev.invoicebridge.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * What a connection or sync change did to Attio and Stripe, in sentences for the admin.
 *
 * @param notes what was done or found in place
 * @param warnings what could not be done, with what to do about it
 */
public record Applied(List<String> notes, List<String> warnings) {
  public Applied {
    notes = List.copyOf(notes);
    warnings = List.copyOf(warnings);
  }

  /** Nothing done, nothing to say. */
  public static Applied nothing() {
    return new Applied(List.of(), List.of());
  }

  Applied and(Applied more) {
    List<String> n = new ArrayList<>(notes);
    n.addAll(more.notes());
    List<String> w = new ArrayList<>(warnings);
    w.addAll(more.warnings());
    return new Applied(n, w);
  }

  static Applied note(String note) {
    return new Applied(List.of(note), List.of());
  }

  static Applied warning(String warning) {
    return new Applied(List.of(), List.of(warning));
  }
}
