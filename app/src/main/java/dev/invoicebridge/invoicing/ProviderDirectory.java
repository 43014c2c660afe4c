package dev.invoicebridge.invoicing;

import dev.invoicebridge.workspace.WorkspaceId;

/** The connected account of each provider, per workspace. */
public interface ProviderDirectory {
  /**
   * The workspace's account at {@code provider}; {@link ProviderNotConnected} when there is none.
   */
  InvoicingProvider forWorkspace(WorkspaceId workspace, Provider provider);

  /** Whether the workspace has {@code provider} connected. */
  boolean connected(WorkspaceId workspace, Provider provider);

  /** The provider is not connected in the workspace. */
  final class ProviderNotConnected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProviderNotConnected(Provider provider) {
      super(
          switch (provider) {
            case STRIPE -> "Stripe is not connected; an admin connects it under Settings.";
          });
    }
  }
}
