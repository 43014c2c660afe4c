package dev.invoicebridge.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The two roles. An admin can do everything an operator can, plus settings and tokens. */
public enum Role {
  /** Settings, connections, users and API tokens, plus everything an operator does. */
  ADMIN,
  /** Records and invoices. */
  OPERATOR;

  List<GrantedAuthority> authorities() {
    return switch (this) {
      case ADMIN ->
          List.of(
              new SimpleGrantedAuthority("ROLE_ADMIN"),
              new SimpleGrantedAuthority("ROLE_OPERATOR"));
      case OPERATOR -> List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    };
  }

  /** Lower-case name used in JSON and forms. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
