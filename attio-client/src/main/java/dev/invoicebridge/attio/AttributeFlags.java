package dev.invoicebridge.attio;

/** An attribute's switches, as Attio reports them. */
public record AttributeFlags(
    boolean system,
    boolean writable,
    boolean required,
    boolean unique,
    boolean multiselect,
    boolean archived) {}
