package io.valora.rating.topology;

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
    private static final Map<String, PriceModel> MODELS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_MODELS = 10_000;

    /** Pricing from a plan's parts; the spec is validated here, so rating never meets a bad one. */
    static Pricing of(String plan, int planVersion, String currency, String rounding, PriceModelSpec spec) {
        Pricing pricing = new Pricing(plan, planVersion, currency, rounding,
                Base64.getEncoder().encodeToString(SPECS.serializer().serialize(null, spec)));
        pricing.model();
        pricing.policy();
        return pricing;
    }

    /** The meter's price model in the plan's currency. */
    public PriceModel model() {
        String cacheKey = currency + ":" + modelSpec;
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
        return new RatingPolicy(Currency.getInstance(currency), RoundingMode.valueOf(rounding));
    }

    /** {@code plan@version}, as in the charge key. */
    public String label() {
        return plan + "@" + planVersion;
    }
}
