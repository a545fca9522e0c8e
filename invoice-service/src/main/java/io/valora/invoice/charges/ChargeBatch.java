package io.valora.invoice.charges;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's worth of rated charges, decoded: the charges to store, the records to dead-letter,
 * the partitions that stopped at a record of an unknown schema, the offsets to commit once all of
 * that is done and the offsets to rewind to if it fails.
 *
 * <p>Why it exists: one undecodable record must neither block its partition nor be lost without a
 * trace, so it is dead-lettered and committed past; a record of a newer schema must not be
 * committed past at all, so its partition's batch ends just before it. Within a batch only the
 * highest sequence per key is kept.
 *
 * @param charges     the charges to store, at most one per (tenant, charge key)
 * @param deadLetters records to publish to the dead-letter topic before committing
 * @param blocked     per partition, the first record of a schema this version does not know
 * @param commit      per partition, the offset after the last record handled (the blocked record's own offset when blocked)
 * @param rewind      per partition, the offset of the first record of the batch
 */
public record ChargeBatch(List<ChargeRow> charges, List<DeadLetter> deadLetters, Map<TopicPartition, Blocked> blocked,
                          Map<TopicPartition, OffsetAndMetadata> commit, Map<TopicPartition, Long> rewind) {

    /**
     * Where a partition stopped.
     *
     * @param offset the record's offset: consumption resumes here
     * @param reason why, for readiness and logs
     */
    public record Blocked(long offset, String reason) {
    }

    /** Decodes the records of one poll. */
    public static ChargeBatch of(ConsumerRecords<byte[], byte[]> records, ChargeDecoder decoder) {
        Map<String, ChargeRow> latest = new LinkedHashMap<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Map<TopicPartition, Blocked> blocked = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        Map<TopicPartition, Long> rewind = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (blocked.containsKey(partition)) {
                continue;
            }
            rewind.putIfAbsent(partition, record.offset());
            Decoded decoded = decoder.decode(record);
            if (decoded instanceof Decoded.UnknownSchema unknown) {
                blocked.put(partition, new Blocked(record.offset(), unknown.reason()));
                commit.put(partition, new OffsetAndMetadata(record.offset()));
                continue;
            }
            commit.put(partition, new OffsetAndMetadata(record.offset() + 1));
            if (decoded instanceof Decoded.Charge charge) {
                ChargeRow row = charge.row();
                latest.merge(row.tenant() + "\n" + row.chargeKey(), row, (a, b) -> b.sequence() > a.sequence() ? b : a);
            } else if (decoded instanceof Decoded.Undecodable bad) {
                deadLetters.add(new DeadLetter(record, bad.cause()));
            }
        }
        return new ChargeBatch(new ArrayList<>(latest.values()), deadLetters, blocked, commit, rewind);
    }
}
