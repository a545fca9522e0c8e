package io.valora.invoice.invoices;

import io.valora.billing.invoice.LineIds;
import io.valora.invoice.outbox.OutboxMessage;
import io.valora.schemas.InvoiceEvent;
import io.valora.schemas.codec.RecordSerde;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Avro {@link InvoiceEvent} of an invoice's transition, as an outbox message for the
 * invoice-events topic (key {@code tenant/invoiceId}, so one invoice's events stay in order).
 *
 * <p>Why it exists: created, finalized, paid and voided publish the same shape; the event id is
 * derived from (invoice, type) — each happens once per invoice — so a consumer can de-duplicate
 * the relay's at-least-once delivery.
 */
public final class InvoiceEvents {

    /** Type of the event written when a period close creates an invoice. */
    public static final String CREATED = "invoice.created";

    private static final Serializer<InvoiceEvent> SERIALIZER = RecordSerde.singleObject(InvoiceEvent.class).serializer();

    private InvoiceEvents() {
    }

    /** The event of type {@code type} for {@code invoice} in its current state. */
    public static InvoiceEvent of(StoredInvoice invoice, String type, Instant occurredAt) {
        StoredInvoice.Header h = invoice.header();
        return InvoiceEvent.newBuilder()
                .setEventId(LineIds.of("invoice-event", invoice.id(), type))
                .setType(type)
                .setTenant(invoice.key().tenant())
                .setInvoiceId(invoice.id())
                .setNumber(invoice.lifecycle().number())
                .setCustomer(invoice.key().customer())
                .setPeriodStart(invoice.key().periodStart().truncatedTo(ChronoUnit.MILLIS))
                .setPeriodEnd(h.periodEnd().truncatedTo(ChronoUnit.MILLIS))
                .setCurrency(h.currency())
                .setSubtotalMinor(h.subtotalMinor())
                .setTotalMinor(h.totalMinor())
                .setStatus(h.status().code())
                .setPaymentReference(invoice.lifecycle().paymentReference().orElse(null))
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    /** The outbox message publishing {@link #of} on {@code topic}. */
    public static OutboxMessage message(String topic, StoredInvoice invoice, String type, Instant occurredAt) {
        return new OutboxMessage(invoice.key().tenant(), topic, invoice.key().tenant() + "/" + invoice.id(),
                SERIALIZER.serialize(topic, of(invoice, type, occurredAt)));
    }
}
