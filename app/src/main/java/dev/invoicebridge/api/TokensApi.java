package dev.invoicebridge.api;

import dev.invoicebridge.security.Actor;
import dev.invoicebridge.security.ApiToken;
import dev.invoicebridge.security.ApiTokens;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.Role;
import dev.invoicebridge.security.ValidationFailure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens of the caller's workspace (admin scope only). */
@RestController
@RequestMapping("/api/v1/tokens")
class TokensApi {
  private final ApiTokens tokens;

  TokensApi(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /** What a client may send to create a token. */
  record CreateToken(
      @NotBlank @Size(max = 100) String name,
      @NotBlank @Pattern(regexp = "admin|operator", message = "must be admin or operator")
          String scope) {}

  /** A token as listed: never its secret value. */
  record TokenView(
      String id,
      String name,
      String prefix,
      String scope,
      String createdBy,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    static TokenView of(ApiToken t) {
      return new TokenView(
          t.id(),
          t.name(),
          t.prefix(),
          t.scope().slug(),
          t.createdBy(),
          t.createdAt(),
          t.lastUsedAt().orElse(null),
          t.revokedAt().orElse(null));
    }
  }

  /** The answer to a create: the token's value appears here and nowhere else, ever. */
  record CreatedToken(TokenView token, String secret) {}

  @GetMapping
  List<TokenView> list() {
    return tokens.list(CurrentActor.get().workspaceId()).stream().map(TokenView::of).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CreatedToken create(@Valid @RequestBody CreateToken request) {
    Actor actor = CurrentActor.get();
    Role scope = Role.valueOf(request.scope().toUpperCase(Locale.ROOT));
    ApiTokens.Issued issued =
        tokens.issue(actor.workspaceId(), request.name(), scope, actor.name());
    return new CreatedToken(TokenView.of(issued.token()), issued.plaintext());
  }

  @DeleteMapping("/{id}")
  TokenView revoke(@PathVariable String id) {
    Actor actor = CurrentActor.get();
    if (id.length() > 36) {
      throw new ValidationFailure("id", "is not a token id");
    }
    if (!tokens.revoke(actor.workspaceId(), id)) {
      throw new NotFound("No API token with id " + id + " in this workspace.");
    }
    return tokens.get(actor.workspaceId(), id).map(TokenView::of).orElseThrow();
  }
}
