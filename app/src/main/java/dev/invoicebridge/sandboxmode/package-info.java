/** Sandbox mode: mounts the emulators under /sandbox/* and connects the workspace to them. */
package dev.invoicebridge.sandboxmode;
