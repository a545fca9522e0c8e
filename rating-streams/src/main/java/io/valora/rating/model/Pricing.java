package io.valora.rating.model;

import io.valora.billing.pricing.PriceModel;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.catalog.PriceModelSpecs;
import io.valora.schemas.codec.RecordSerde;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The plan phase a usage is priced with: plan key and version, the plan's currency and rounding,
 * and the meter's {@link PriceModelSpec} (Avro single-object bytes, Base64, so the repartitioned
 * value stays one self-contained JSON document).
 *
 * @param plan plan key
 * @param planVersion plan version
 * @param currency ISO 4217 code
 * @param rounding {@link RoundingMode} name
 * @param modelSpec the encoded price model spec
 */
public record Pricing(String plan, int planVersion, String currency, String rounding, String modelSpec) {

    private static final RecordSerde<PriceModelSpec> SPECS = RecordSerde.singleObject(PriceModelSpec.class);
    /**
     * Decoded models by currency and encoded spec: every event of a plan version carries the same
     * spec, so rating decodes each once, not per event. Bounded by clearing: plans are few.
     */
    private static final Map<ModelKey, PriceModel> MODELS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_MODELS = 10_000;
    /** Policies by currency and rounding, for the same reason: looked up per event, built once. */
    private static final Map<PolicyKey, RatingPolicy> POLICIES = new ConcurrentHashMap<>();

    /** Cache keys of the parts themselves: their strings keep their hash, a concatenation is hashed anew per event. */
    private record ModelKey(String currency, String modelSpec) {
    }

    private record PolicyKey(String currency, String rounding) {
    }

    /**
     * Pricing from a plan's parts; the spec is validated here (its form, and its prices against the
     * billing limits, {@link PriceLimits}), so rating never meets a bad one.
     */
    public static Pricing of(String plan, int planVersion, String currency, String rounding, PriceModelSpec spec) {
        Pricing pricing = new Pricing(plan, planVersion, currency, rounding,
                Base64.getEncoder().encodeToString(SPECS.serializer().serialize(null, spec)));
        PriceLimits.check(pricing.model());
        pricing.policy();
        return pricing;
    }

    /** The meter's price model in the plan's currency. */
    public PriceModel model() {
        return cached(MODELS, new ModelKey(currency, modelSpec), Pricing::decode);
    }

    /** The plan's currency and rounding. */
    public RatingPolicy policy() {
        return cached(POLICIES, new PolicyKey(currency, rounding),
                key -> new RatingPolicy(Currency.getInstance(key.currency()), RoundingMode.valueOf(key.rounding())));
    }

    private static PriceModel decode(ModelKey key) {
        PriceModelSpec spec = SPECS.deserializer().deserialize(null, Base64.getDecoder().decode(key.modelSpec()));
        return PriceModelSpecs.toModel(spec, Currency.getInstance(key.currency()));
    }

    /**
     * The value cached under {@code key}, else built and cached. Not atomic on purpose: two threads may build the
     * same value once each, which costs less than a lock on every event; the cache starts over past its bound.
     */
    private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> build) {
        V found = cache.get(key);
        if (found != null) {
            return found;
        }
        V built = build.apply(key);
        if (cache.size() >= MAX_CACHED_MODELS) {
            cache.clear();
        }
        cache.put(key, built);
        return built;
    }
}
