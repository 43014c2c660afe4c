package dev.invoicebridge.security;

import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API request authenticated by a bearer token. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {
  @Serial private static final long serialVersionUID = 1L;

  private final TokenPrincipal principal;

  ApiTokenAuthentication(ApiToken token) {
    super(token.scope().authorities());
    this.principal =
        new TokenPrincipal(new Actor(token.workspaceId(), "token:" + token.name(), token.scope()));
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return principal;
  }

  record TokenPrincipal(Actor actor) implements CurrentActor.HasActor {}
}
