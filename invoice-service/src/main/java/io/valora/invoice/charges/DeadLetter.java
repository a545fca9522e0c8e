package io.valora.invoice.charges;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record this service cannot use, with the reason, on its way to the dead-letter topic.
 *
 * @param record the record exactly as it was read (key and value bytes, headers)
 * @param cause  why it was refused
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException cause) {
}
