package io.valora.invoice.api;

import java.util.List;

/**
 * Body of {@code POST /v1/api-keys}.
 *
 * @param name   a label, e.g. {@code "billing-backoffice"}; optional
 * @param scopes any of {@code ingest}, {@code read}, {@code admin}; at least one
 */
public record CreateApiKeyRequest(String name, List<String> scopes) {
}
