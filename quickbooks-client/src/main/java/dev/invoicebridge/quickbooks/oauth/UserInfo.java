package dev.invoicebridge.quickbooks.oauth;

/** The connecting user, from OpenID Connect userinfo (needs the openid and email scopes). */
public record UserInfo(
    String subject, String email, boolean emailVerified, String givenName, String familyName) {}
