package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.PenaltyClass;
import ca.isp.billing.jobs.MariaDbSchema;

/**
 * Penalty classes imported with penalised_kinds CHARGES before discounts existed were stored as
 * RECURRING|USAGE|ONE_TIME|CREDIT: V31 makes them CHARGES, read as today's charges (DISCOUNT
 * included). The database is migrated up to V24 (before discounts, V25), given such a class as the import of that time
 * stored it, then migrated to V31, on H2 and on MariaDB.
 *
 * <p>Hand-worked: a 1% class, an invoice of NET 57.00, a discount of -7.00 and HST 13% of 50.00 =
 * 6.50, total 56.50, nothing paid (open 56.50). Before: base = 57.00 x 56.50 / 56.50 = 57.00, fee
 * 1% = 0.57. After: base = (57.00 - 7.00) x 56.50 / 56.50 = 50.00, fee 0.50.
 */
class PenaltyChargesMigrationTest {

    private static final Map<LineType, BigDecimal> INVOICE = Map.of(LineType.RECURRING, new BigDecimal("57.00"),
            LineType.DISCOUNT, new BigDecimal("-7.00"), LineType.TAX, new BigDecimal("6.50"));
    private static final BigDecimal TOTAL = new BigDecimal("56.50");

    @Test
    void onH2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:penalty_v31;DB_CLOSE_DELAY=-1", "sa", "");
        migrateWithAnOldClass(h2, "h2");
    }

    @Test
    void onMariaDb() {
        MariaDbSchema schema = MariaDbSchema.create("billing_penalty_v31", getClass());
        try {
            migrateWithAnOldClass(new DriverManagerDataSource(schema.url(), schema.user, schema.password), "mysql");
        } finally {
            schema.drop();
        }
    }

    private static void migrateWithAnOldClass(DataSource db, String vendor) {
        flyway(db, vendor).target("24").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        // as the import stored CHARGES before discounts: the four kinds of that time; and a class naming two kinds
        jdbc.update("""
                INSERT INTO penalty_class (code, method, percent_rate, flat_fee, minimum_fee, maximum_fee, grace_days,
                    minimum_overdue, penalised_kinds, each_period)
                VALUES ('OLD', 'PERCENT', 1, 0, 0, NULL, 0, 0, 'RECURRING|USAGE|ONE_TIME|CREDIT', FALSE),
                       ('TWO', 'PERCENT', 1, 0, 0, NULL, 0, 0, 'RECURRING|USAGE', FALSE)""");
        PenaltyClass before = PenaltyClasses.load(jdbc, null, null).forAccount("OLD");
        assertThat(before.fee(before.overdueBase(TOTAL, TOTAL, INVOICE))).contains(new BigDecimal("0.57"));

        flyway(db, vendor).load().migrate();

        PenaltyClasses classes = PenaltyClasses.load(jdbc, null, null);
        PenaltyClass after = classes.forAccount("OLD");
        assertThat(after.penalisedKinds()).isEqualTo(PenaltyClass.CHARGES).contains(LineType.DISCOUNT);
        assertThat(after.overdueBase(TOTAL, TOTAL, INVOICE)).isEqualByComparingTo("50.00");
        assertThat(after.fee(after.overdueBase(TOTAL, TOTAL, INVOICE))).contains(new BigDecimal("0.50"));
        // stored as the alias; a class that named its kinds keeps them
        assertThat(jdbc.queryForObject("SELECT penalised_kinds FROM penalty_class WHERE code = 'OLD'", String.class))
                .isEqualTo("CHARGES");
        assertThat(classes.forAccount("TWO").penalisedKinds()).isEqualTo(EnumSet.of(LineType.RECURRING, LineType.USAGE));
        // the import stores CHARGES as the alias from now on, and reads it back whole
        assertThat(PenaltyClasses.stored(PenaltyClass.CHARGES)).isEqualTo("CHARGES");
        assertThat(PenaltyClasses.kinds("CHARGES")).isEqualTo(PenaltyClass.CHARGES);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource db, String vendor) {
        return Flyway.configure().dataSource(db)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    }
}
