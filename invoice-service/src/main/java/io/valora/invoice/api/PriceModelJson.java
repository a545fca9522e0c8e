package io.valora.invoice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.PriceTierSpec;
import java.util.List;

/**
 * The JSON form of a price model: exactly the fields of the Avro {@link PriceModelSpec}, amounts and
 * quantities as exact decimal strings.
 *
 * <p>Why it exists: the API speaks the same model as the plans topic, so what a client sends is
 * what rating reads; {@code io.valora.schemas.catalog.PriceModelSpecs} validates it.
 *
 * @param kind         per_unit, package, graduated, volume or flat
 * @param unitPrice    per_unit: price of one unit
 * @param packageSize  package: units per package
 * @param packagePrice package: price of one package
 * @param flatAmount   flat: the amount whatever the quantity
 * @param tiers        graduated and volume: ascending tiers, the last one unbounded
 * @param freeUnits    units per period given free first
 * @param minimum      minimum amount of this charge per period
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceModelJson(String kind, String unitPrice, String packageSize, String packagePrice, String flatAmount,
                             List<TierJson> tiers, String freeUnits, String minimum) {

    /**
     * One tier.
     *
     * @param upTo      inclusive upper bound; null for the last tier
     * @param unitPrice price per unit in the tier
     * @param flatFee   flat fee of the tier; "0" when absent
     */
    public record TierJson(String upTo, String unitPrice, String flatFee) {
    }

    PriceModelSpec toSpec() {
        List<PriceTierSpec> specs = tiers == null ? List.of() : tiers.stream()
                .map(t -> PriceTierSpec.newBuilder().setUpTo(t.upTo()).setUnitPrice(t.unitPrice())
                        .setFlatFee(t.flatFee() == null ? "0" : t.flatFee()).build())
                .toList();
        return PriceModelSpec.newBuilder().setKind(kind).setUnitPrice(unitPrice).setPackageSize(packageSize)
                .setPackagePrice(packagePrice).setFlatAmount(flatAmount).setTiers(specs).setFreeUnits(freeUnits)
                .setMinimum(minimum).build();
    }

    static PriceModelJson of(PriceModelSpec spec) {
        List<TierJson> tiers = spec.getTiers().isEmpty() ? null : spec.getTiers().stream()
                .map(t -> new TierJson(t.getUpTo(), t.getUnitPrice(), t.getFlatFee())).toList();
        return new PriceModelJson(spec.getKind(), spec.getUnitPrice(), spec.getPackageSize(), spec.getPackagePrice(),
                spec.getFlatAmount(), tiers, spec.getFreeUnits(), spec.getMinimum());
    }
}
