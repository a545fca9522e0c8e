package io.valora.invoice.charges;

import io.valora.schemas.RatedCharge;
import io.valora.schemas.codec.RecordSerde;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * One poll's worth of rated charges, decoded, with the offsets to commit once they are stored
 * and the offsets to rewind to if storing fails.
 *
 * <p>Why it exists: a record that cannot be decoded or validated would otherwise block its
 * partition forever; it is logged with its coordinates and skipped, while every good record of
 * the batch is stored. Within a batch only the highest sequence per key is kept.
 *
 * @param charges the charges to store, at most one per (tenant, charge key)
 * @param commit  per partition, the offset after the last record of the batch
 * @param rewind  per partition, the offset of the first record of the batch
 */
public record ChargeBatch(List<ChargeRow> charges, Map<TopicPartition, OffsetAndMetadata> commit,
                          Map<TopicPartition, Long> rewind) {

    private static final Logger LOG = Logger.getLogger(ChargeBatch.class);
    private static final Deserializer<RatedCharge> DECODER = RecordSerde.singleObject(RatedCharge.class).deserializer();

    /** Decodes the records of one poll. */
    public static ChargeBatch of(ConsumerRecords<String, byte[]> records) {
        Map<String, ChargeRow> latest = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        Map<TopicPartition, Long> rewind = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            rewind.putIfAbsent(partition, record.offset());
            commit.put(partition, new OffsetAndMetadata(record.offset() + 1));
            decode(record).ifPresent(row -> latest.merge(row.tenant() + "\n" + row.chargeKey(), row,
                    (a, b) -> b.sequence() > a.sequence() ? b : a));
        }
        return new ChargeBatch(new ArrayList<>(latest.values()), commit, rewind);
    }

    private static Optional<ChargeRow> decode(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) {
                return Optional.empty();
            }
            return Optional.of(ChargeRow.from(record.key(), DECODER.deserialize(record.topic(), record.value())));
        } catch (RuntimeException e) {
            LOG.errorf("Skipping unreadable rated charge at %s-%d offset %d (key %s): %s",
                    record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
            return Optional.empty();
        }
    }
}
