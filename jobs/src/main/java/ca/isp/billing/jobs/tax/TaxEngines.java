package ca.isp.billing.jobs.tax;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.TaxEngine;

/**
 * The tax engine chosen by {@code billing.tax.engine}: {@code table} (the default) is the
 * operator's tables, read again each time one is asked for (when the tax step starts, for each
 * quote), so an import made since counts. An external engine would be another value here,
 * with its own settings; the tax step and the quote would not change.
 */
@Component
public class TaxEngines {

    static final String TABLE = "table";

    private final JdbcTemplate jdbc;

    public TaxEngines(JdbcTemplate jdbc, @Value("${billing.tax.engine:" + TABLE + "}") String engine) {
        if (!TABLE.equals(engine)) {
            throw new IllegalStateException("billing.tax.engine=" + engine + " is not a tax engine: '" + TABLE
                    + "' is the one built in");
        }
        this.jdbc = jdbc;
    }

    public TaxEngine current() {
        return TaxTables.load(jdbc);
    }
}
