package io.valora.invoice.api;

/**
 * Body of {@code POST /v1/operator/tenants}.
 *
 * @param id   tenant id: lower-case letters, digits and dashes, 2–63 characters
 * @param name display name; optional (defaults to the id)
 */
public record CreateTenantRequest(String id, String name) {
}
