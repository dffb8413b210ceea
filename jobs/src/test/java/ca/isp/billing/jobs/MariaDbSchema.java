package ca.isp.billing.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * A temporary schema on the test MariaDB/MySQL server (127.0.0.1:3306, root, no password, or
 * BILLING_TEST_MYSQL_URL/USER/PASSWORD), created with the server's usual case-insensitive
 * collation as an operator would. Under CI=true a missing server fails the test; elsewhere the
 * test is skipped with the reason printed.
 */
public final class MariaDbSchema {

    public final String server = env("BILLING_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
    public final String user = env("BILLING_TEST_MYSQL_USER", "root");
    public final String password = env("BILLING_TEST_MYSQL_PASSWORD", "");
    private final String name;
    private final String testName;

    private MariaDbSchema(String prefix, String testName) {
        this.name = prefix + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() % 100000;
        this.testName = testName;
    }

    /** Creates the schema, or skips (fails under CI=true) the calling test when there is no server. */
    public static MariaDbSchema create(String prefix, Class<?> test) {
        MariaDbSchema schema = new MariaDbSchema(prefix, test.getSimpleName());
        try (Connection connection = DriverManager.getConnection(schema.server, schema.user, schema.password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + schema.name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            String reason = "no MariaDB/MySQL server at " + schema.server + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the MariaDB tests: " + reason, e);
            }
            System.out.println("SKIPPED " + schema.testName + ": " + reason);
            Assumptions.abort(reason);
        }
        return schema;
    }

    /** The schema's name. */
    public String name() {
        return name;
    }

    /** The application's URL, as production sets BILLING_DB_URL. */
    public String url() {
        return server + name + "?rewriteBatchedStatements=true";
    }

    public void drop() {
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            // the server went away: nothing to drop
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
