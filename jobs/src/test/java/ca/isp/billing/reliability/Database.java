package ca.isp.billing.reliability;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** The database of a case, as the billing process sees it (environment) and as the test reads it (JDBC). */
interface Database extends AutoCloseable {

    /** "H2" or "MariaDB". */
    String kind();

    /** What run.sh gets: BILLING_DB_URL, _USER, _PASSWORD (nothing for the embedded H2 of the home). */
    Map<String, String> environment();

    /** A connection for reading the state; closed by the caller before the next run (H2 locks its file). */
    Connection connect() throws SQLException;

    @Override
    void close();
}
