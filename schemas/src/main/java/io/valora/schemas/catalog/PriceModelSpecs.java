package io.valora.schemas.catalog;

import io.valora.billing.money.Money;
import io.valora.billing.pricing.FlatFee;
import io.valora.billing.pricing.FreeAllowance;
import io.valora.billing.pricing.Graduated;
import io.valora.billing.pricing.MinimumSpend;
import io.valora.billing.pricing.PerPackage;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.PriceModel;
import io.valora.billing.pricing.Tier;
import io.valora.billing.pricing.Volume;
import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.PriceTierSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Turns a plan's {@link PriceModelSpec} (price model as data, on the {@code plans} topic and in
 * the invoice-service database) into billing-core's {@link PriceModel} and back.
 *
 * <p>Why it exists: the rating topology prices usage while it streams and the invoice service
 * prices the same period when it closes; both must build the very same model from the very same
 * record, so the translation lives once, next to the schema. Bad specs fail with an
 * {@link IllegalArgumentException} whose message names the field, so the REST layer can show it.
 */
public final class PriceModelSpecs {

    /** Kind names as they appear in {@link PriceModelSpec#getKind()}. */
    public static final String PER_UNIT = "per_unit";
    public static final String PACKAGE = "package";
    public static final String GRADUATED = "graduated";
    public static final String VOLUME = "volume";
    public static final String FLAT = "flat";

    private PriceModelSpecs() {
    }

    /** The model a spec describes, in the plan's currency. */
    public static PriceModel toModel(PriceModelSpec spec, Currency currency) {
        if (spec == null) {
            throw new IllegalArgumentException("model is missing");
        }
        PriceModel model = base(spec, currency);
        if (spec.getFreeUnits() != null) {
            model = new FreeAllowance(decimal(spec.getFreeUnits(), "freeUnits"), model);
        }
        if (spec.getMinimum() != null) {
            model = new MinimumSpend(money(spec.getMinimum(), currency, "minimum"), model);
        }
        return model;
    }

    /** The spec of a model; {@code toModel(toSpec(m), c)} equals {@code m}. */
    public static PriceModelSpec toSpec(PriceModel model) {
        PriceModelSpec.Builder spec = PriceModelSpec.newBuilder();
        PriceModel inner = model;
        if (inner instanceof MinimumSpend minimum) {
            spec.setMinimum(minimum.minimum().amount().toPlainString());
            inner = minimum.then();
        }
        if (inner instanceof FreeAllowance free) {
            spec.setFreeUnits(free.freeUnits().toPlainString());
            inner = free.then();
        }
        if (inner instanceof PerUnit perUnit) {
            spec.setKind(PER_UNIT).setUnitPrice(perUnit.unitPrice().amount().toPlainString());
        } else if (inner instanceof PerPackage perPackage) {
            spec.setKind(PACKAGE)
                    .setPackagePrice(perPackage.packagePrice().amount().toPlainString())
                    .setPackageSize(perPackage.packageSize().toPlainString());
        } else if (inner instanceof Graduated graduated) {
            spec.setKind(GRADUATED).setTiers(tierSpecs(graduated.tiers()));
        } else if (inner instanceof Volume volume) {
            spec.setKind(VOLUME).setTiers(tierSpecs(volume.tiers()));
        } else if (inner instanceof FlatFee flat) {
            spec.setKind(FLAT).setFlatAmount(flat.amount().amount().toPlainString());
        } else {
            throw new IllegalArgumentException("cannot express " + model + " as a spec: free units and minimum wrap one base model only");
        }
        return spec.build();
    }

    private static PriceModel base(PriceModelSpec spec, Currency currency) {
        String kind = spec.getKind() == null ? "" : spec.getKind();
        return switch (kind) {
            case PER_UNIT -> new PerUnit(money(required(spec.getUnitPrice(), "unitPrice"), currency, "unitPrice"));
            case PACKAGE -> new PerPackage(money(required(spec.getPackagePrice(), "packagePrice"), currency, "packagePrice"),
                    decimal(required(spec.getPackageSize(), "packageSize"), "packageSize"));
            case GRADUATED -> new Graduated(tiers(spec.getTiers(), currency));
            case VOLUME -> new Volume(tiers(spec.getTiers(), currency));
            case FLAT -> new FlatFee(money(required(spec.getFlatAmount(), "flatAmount"), currency, "flatAmount"));
            default -> throw new IllegalArgumentException(
                    "kind must be one of per_unit, package, graduated, volume, flat; got '" + kind + "'");
        };
    }

    private static List<Tier> tiers(List<PriceTierSpec> specs, Currency currency) {
        if (specs == null || specs.isEmpty()) {
            throw new IllegalArgumentException("tiers must not be empty");
        }
        List<Tier> tiers = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            PriceTierSpec t = specs.get(i);
            String field = "tiers[" + i + "]";
            Optional<BigDecimal> upTo = t.getUpTo() == null ? Optional.empty() : Optional.of(decimal(t.getUpTo(), field + ".upTo"));
            tiers.add(new Tier(upTo, money(required(t.getUnitPrice(), field + ".unitPrice"), currency, field + ".unitPrice"),
                    money(t.getFlatFee() == null ? "0" : t.getFlatFee(), currency, field + ".flatFee")));
        }
        return tiers;
    }

    private static List<PriceTierSpec> tierSpecs(List<Tier> tiers) {
        List<PriceTierSpec> specs = new ArrayList<>(tiers.size());
        for (Tier tier : tiers) {
            specs.add(PriceTierSpec.newBuilder()
                    .setUpTo(tier.upTo().map(BigDecimal::toPlainString).orElse(null))
                    .setUnitPrice(tier.unitPrice().amount().toPlainString())
                    .setFlatFee(tier.flatFee().amount().toPlainString())
                    .build());
        }
        return specs;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static BigDecimal decimal(String value, String field) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be an exact decimal, got '" + value + "'");
        }
    }

    private static Money money(String value, Currency currency, String field) {
        return Money.of(decimal(value, field), currency);
    }
}
