package ca.isp.billing.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;

/**
 * A temporary schema on a MariaDB/MySQL server, created with the server's usual collation as an
 * operator would and dropped at the end. The test server is 127.0.0.1:3306, root, no password
 * (or BILLING_TEST_MYSQL_URL/USER/PASSWORD, as MariaDbSchema); under CI=true a missing server
 * fails the suite, elsewhere the case is skipped with the reason printed.
 */
final class MariaDbDatabase implements Database {

    static final String SERVER = env("BILLING_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
    static final String USER = env("BILLING_TEST_MYSQL_USER", "root");
    static final String PASSWORD = env("BILLING_TEST_MYSQL_PASSWORD", "");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String server;
    private final String user;
    private final String password;
    private final String name;

    private MariaDbDatabase(String server, String user, String password, String name) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** A new empty schema on the test server; skips (fails under CI=true) when there is none. */
    static MariaDbDatabase create(String prefix) {
        return create(SERVER, USER, PASSWORD, prefix);
    }

    static MariaDbDatabase create(String server, String user, String password, String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            String reason = "no MariaDB/MySQL server at " + server + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the MariaDB cases: " + reason, e);
            }
            System.out.println("SKIPPED reliability suite on MariaDB: " + reason);
            Assumptions.abort(reason);
        }
        return new MariaDbDatabase(server, user, password, name);
    }

    @Override
    public String kind() {
        return "MariaDB";
    }

    /** Kill drills on a server: the template in a schema of its own, each case in a copy of it. */
    static KillDrill.Databases drills(String kind, String server, String user, String password) {
        return new KillDrill.Databases() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Database forTemplate(CaseFolder template) {
                return create(server, user, password, "billing_rel_template");
            }

            @Override
            public Database forCase(CaseFolder folder, Database template) throws SQLException {
                MariaDbDatabase db = create(server, user, password, "billing_rel");
                ((MariaDbDatabase) template).copyTo(db);
                return db;
            }
        };
    }

    String name() {
        return name;
    }

    /** As production sets it (README, "MySQL or MariaDB"). */
    String url() {
        return server + name + "?rewriteBatchedStatements=true";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("BILLING_DB_URL", url(), "BILLING_DB_USER", user, "BILLING_DB_PASSWORD", password);
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(server + name, user, password);
    }

    /**
     * Makes {@code target} (an empty schema, on this server or another) a copy of this one: every
     * table as SHOW CREATE TABLE gives it (keys, foreign keys, collations, auto-increment
     * counters), its rows, and the views. What a restore from a dump gives an operator.
     */
    void copyTo(MariaDbDatabase target) throws SQLException {
        try (Connection from = connect(); Connection to = target.connect(); Statement read = from.createStatement();
             Statement write = to.createStatement()) {
            write.execute("SET FOREIGN_KEY_CHECKS = 0");
            List<String> tables = new ArrayList<>();
            List<String> views = new ArrayList<>();
            try (ResultSet rs = read.executeQuery("SHOW FULL TABLES")) {
                while (rs.next()) {
                    ("VIEW".equals(rs.getString(2)) ? views : tables).add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = read.executeQuery("SHOW CREATE TABLE `" + table + "`")) {
                    rs.next();
                    write.execute(rs.getString(2));
                }
                copyRows(from, to, table);
            }
            for (String view : views) {
                try (ResultSet rs = read.executeQuery("SHOW CREATE VIEW `" + view + "`")) {
                    rs.next();
                    String ddl = rs.getString(2).replace("`" + name + "`.", "`" + target.name + "`.")
                            .replaceFirst("DEFINER=`[^`]*`@`[^`]*` ", "");
                    write.execute(ddl);
                }
            }
            write.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    private static void copyRows(Connection from, Connection to, String table) throws SQLException {
        try (Statement read = from.createStatement(); ResultSet rs = read.executeQuery("SELECT * FROM `" + table + "`")) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            String insert = "INSERT INTO `" + table + "` VALUES (" + "?,".repeat(columns - 1) + "?)";
            try (PreparedStatement ps = to.prepareStatement(insert)) {
                int rows = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        ps.setObject(i, rs.getObject(i));
                    }
                    ps.addBatch();
                    if (++rows % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    @Override
    public void close() {
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
