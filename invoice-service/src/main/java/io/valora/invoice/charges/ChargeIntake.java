package io.valora.invoice.charges;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.valora.invoice.db.Databases;
import io.valora.invoice.db.Jdbis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;

/**
 * Stores what the rated-charge consumer read, each batch in one transaction on the system role
 * (every tenant's charges arrive on one topic).
 *
 * <p>Why it exists: it is the one holder of the system datasource on the consumer's side, kept apart
 * from {@link RatedChargeStore} (the table, used in tenant sessions too) so that no REST resource
 * can reach a connection that sees every tenant ({@code DatabaseRoleReachTest}).
 */
@ApplicationScoped
public class ChargeIntake {

    private final RatedChargeStore charges;

    ChargeIntake(@DataSource(Databases.SYSTEM) AgroalDataSource dataSource) {
        this.charges = new RatedChargeStore(Jdbis.on(dataSource));
    }

    /** Writes the charges in one transaction; returns how many rows actually changed. */
    @Transactional
    public int upsertAll(Collection<ChargeRow> rows) {
        return charges.upsertAll(rows);
    }
}
