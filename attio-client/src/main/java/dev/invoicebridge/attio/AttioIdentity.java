package dev.invoicebridge.attio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The token introspection Attio returns from {@code GET /v2/self}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttioIdentity(
    boolean active,
    String scope,
    @JsonProperty("workspace_id") String workspaceId,
    @JsonProperty("workspace_name") String workspaceName,
    @JsonProperty("workspace_slug") String workspaceSlug) {}
