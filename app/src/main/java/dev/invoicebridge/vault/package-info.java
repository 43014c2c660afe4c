/** The connections vault: secrets encrypted at rest with AES-256-GCM under a master key. */
package dev.invoicebridge.vault;
