package dev.invoicebridge.quickbooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The company a QuickBooks connection belongs to. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanyInfo(
    @JsonProperty("Id") String id,
    @JsonProperty("CompanyName") String companyName,
    @JsonProperty("Country") String country) {}
