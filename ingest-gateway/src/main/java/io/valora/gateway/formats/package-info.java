/**
 * Drop-in formats: Valora's own adapters that let another engine's client (OpenMeter's and Lago's
 * {@code /api/v1/events}, Stripe's {@code /v1/billing/meter_events}) post here unchanged but for its
 * base URL. Each maps its wire format onto CloudEvents JSON and hands it to the one ingest path
 * ({@code ingest.EventIngestor}). Not third-party code (the old name, {@code vendor}, read as if it were).
 */
package io.valora.gateway.formats;
