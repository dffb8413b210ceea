package ca.isp.billing.jobs.remote;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Remote workers need one database that every machine reaches: the job repository (the
 * manager learns from it how its partitions went) and the billing tables. The embedded H2 is a
 * file of one process on one machine: refused, with what to do instead.
 */
final class SharedDatabase {

    private SharedDatabase() {
    }

    static void require(DataSource dataSource, String mode) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("billing.mode=" + mode + ": cannot reach the database: " + e.getMessage(), e);
        }
        if (!product.toLowerCase().contains("mysql") && !product.toLowerCase().contains("mariadb")) {
            throw new IllegalStateException("billing.mode=" + mode + " needs the shared MySQL/MariaDB database that the"
                    + " manager and every worker use (BILLING_DB_URL=jdbc:mysql://...), not the embedded " + product
                    + " of one machine; see README, \"Remote workers\"");
        }
    }
}
