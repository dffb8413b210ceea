package ca.isp.billing.jobs.remote;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Remote workers need a database every machine reaches: the embedded H2 is refused, saying what to use. */
class SharedDatabaseTest {

    @Test
    void theEmbeddedDatabaseIsRefusedForRemoteWorkers() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:shared-database-test");

        assertThatThrownBy(() -> SharedDatabase.require(h2, "remote"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("billing.mode=remote needs the shared MySQL/MariaDB database")
                .hasMessageContaining("BILLING_DB_URL=jdbc:mysql://")
                .hasMessageContaining("not the embedded H2");
    }

    @Test
    void aMisspeltModeIsRefused() {
        assertThatThrownBy(() -> new BillingMode("remot"))
                .hasMessage("billing.mode must be local, remote or worker, not 'remot'");
    }
}
