package dev.invoicebridge.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request. */
public final class CurrentActor {
  private CurrentActor() {}

  /** The authenticated actor; fails when called outside an authenticated request. */
  public static Actor get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof HasActor holder) {
      return holder.actor();
    }
    throw new IllegalStateException("no authenticated actor");
  }

  /** Implemented by principals that belong to a workspace. */
  interface HasActor {
    Actor actor();
  }
}
