package io.valora.invoice.close;

import io.valora.schemas.Plan;

/**
 * One version of one plan, as a map key.
 *
 * @param key     plan key
 * @param version plan version
 */
public record PlanRef(String key, int version) {

    /** The reference of {@code plan}. */
    public static PlanRef of(Plan plan) {
        return new PlanRef(plan.getKey(), plan.getVersion());
    }
}
