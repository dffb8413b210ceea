package ca.isp.billing.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The embedded H2 file of a home ({@code home/db/billing.mv.db}), as run.sh uses it when BILLING_DB_URL is unset. */
final class H2Database implements Database {

    private final Path home;

    H2Database(Path home) {
        this.home = home;
    }

    @Override
    public String kind() {
        return "H2";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    /**
     * Read only, so that looking at the state between a kill and the resume changes nothing in
     * the file: the resume finds exactly what the killed process left.
     */
    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db").resolve("billing")
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", "sa", "");
    }

    @Override
    public void close() {
        // the file goes with the case's folder
    }
}
