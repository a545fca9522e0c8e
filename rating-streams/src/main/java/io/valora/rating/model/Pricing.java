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
        ModelKey cacheKey = new ModelKey(currency, modelSpec);
        PriceModel cached = MODELS.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        PriceModelSpec spec = SPECS.deserializer().deserialize(null, Base64.getDecoder().decode(modelSpec));
        PriceModel model = PriceModelSpecs.toModel(spec, Currency.getInstance(currency));
        if (MODELS.size() >= MAX_CACHED_MODELS) {
            MODELS.clear();
        }
        MODELS.put(cacheKey, model);
        return model;
    }

    /** The plan's currency and rounding. */
    public RatingPolicy policy() {
        PolicyKey key = new PolicyKey(currency, rounding);
        RatingPolicy cached = POLICIES.get(key);
        if (cached != null) {
            return cached;
        }
        RatingPolicy policy = new RatingPolicy(Currency.getInstance(currency), RoundingMode.valueOf(rounding));
        if (POLICIES.size() >= MAX_CACHED_MODELS) {
            POLICIES.clear();
        }
        POLICIES.put(key, policy);
        return policy;
    }
}
