package io.valora.invoice.api;

/**
 * Answer of {@code POST /v1/operator/tenants}: the tenant and its first API key, whose
 * {@code key} is shown this once.
 *
 * @param tenant the tenant id
 * @param name   display name
 * @param apiKey the first key, with every scope
 */
public record CreatedTenantJson(String tenant, String name, ApiKeyJson apiKey) {
}
