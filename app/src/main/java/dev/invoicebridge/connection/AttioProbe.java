package dev.invoicebridge.connection;

import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.attio.AttioIdentity;
import dev.invoicebridge.attio.HttpAttioClient;
import org.springframework.stereotype.Component;

/** Checks an Attio connection with {@code GET /v2/self}. */
@Component
class AttioProbe implements ConnectionProbe {
  @Override
  public ConnectionKind kind() {
    return ConnectionKind.ATTIO;
  }

  @Override
  public Probed probe(ConnectionTarget target) {
    try {
      AttioIdentity self =
          new HttpAttioClient(target.baseUrl(), target.credential()::reveal).self();
      if (!self.active()) {
        throw new ProbeFailure(
            "Attio reports the API token as inactive; create a new one.", null, true);
      }
      return Probed.named(self.workspaceName());
    } catch (AttioException e) {
      throw new ProbeFailure(describe(e), e, e.statusCode() == 401 || e.statusCode() == 403);
    }
  }

  private static String describe(AttioException e) {
    return switch (e.statusCode()) {
      case 0 -> "Attio could not be reached; check the network and try again.";
      case 401, 403 -> "Attio rejected the API token (HTTP " + e.statusCode() + ").";
      case 429 -> "Attio is rate limiting this token; the check will be retried.";
      default -> "Attio answered HTTP " + e.statusCode() + " to the connection check.";
    };
  }
}
