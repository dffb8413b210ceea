package ca.isp.billing.jobs.schedule;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a live scheduler from a dead one, as the run guard tells a live run from a dead one:
 * each scheduler holds, for as long as it runs, a named lock of its own on a connection of its
 * own (MySQL/MariaDB {@code GET_LOCK}); the server frees it when that connection closes, which
 * a killed process's connection does. A tick marked RUNNING whose owner's lock is free was left
 * by a dead scheduler and may be taken over. On the embedded H2 database only one process can
 * open the file, so every owner but this process is dead.
 */
@Component
public class SchedulerPresence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchedulerPresence.class);

    private final DataSource dataSource;
    /** This process's name in the ticks it claims: pid@host and a random part (pids are reused). */
    private final String self = pidAtHost() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private Connection held;
    private boolean mySql;
    private String database;

    public SchedulerPresence(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String self() {
        return self;
    }

    /** Takes this scheduler's lock; kept until {@link #close()} or the process ends. */
    public synchronized void announce() throws SQLException {
        Connection connection = dataSource.getConnection();
        mySql = connection.getMetaData().getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*");
        if (!mySql) {
            connection.close();
            return;
        }
        database = query(connection, "SELECT DATABASE()");
        if (!"1".equals(query(connection, "SELECT GET_LOCK('" + lockName(self) + "', 0)"))) {
            connection.close();
            throw new IllegalStateException("cannot take the scheduler's presence lock " + lockName(self));
        }
        held = connection;
    }

    /** Keeps the lock's connection from being closed by the server as idle (wait_timeout). */
    public synchronized void keepAlive() {
        if (held == null) {
            return;
        }
        try {
            query(held, "SELECT 1");
        } catch (SQLException e) {
            log.warn("scheduler presence connection lost ({}); taking the lock again", e.getMessage());
            try {
                held.close();
            } catch (SQLException ignored) {
                // already gone
            }
            held = null;
            try {
                announce();
            } catch (SQLException | RuntimeException again) {
                log.warn("scheduler presence lock not taken again: {}", again.getMessage());
            }
        }
    }

    /** Whether the scheduler that wrote {@code owner} in a tick is still running. */
    public synchronized boolean alive(String owner) {
        if (owner == null) {
            return false;
        }
        if (owner.equals(self)) {
            return true;
        }
        if (!mySql) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return "0".equals(query(connection, "SELECT IS_FREE_LOCK('" + lockName(owner) + "')"));
        } catch (SQLException e) {
            return true; // cannot tell: leave its tick alone
        }
    }

    @Override
    public synchronized void close() {
        if (held != null) {
            try (Connection connection = held) {
                query(connection, "SELECT RELEASE_LOCK('" + lockName(self) + "')");
            } catch (SQLException e) {
                // the server frees it with the connection
            }
            held = null;
        }
    }

    /** At most 64 characters, made of hex digits only (nothing of the owner's text reaches SQL). */
    private String lockName(String owner) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((database + "\n" + owner)
                    .getBytes(StandardCharsets.UTF_8));
            return "billing-scheduler:" + HexFormat.of().formatHex(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String pidAtHost() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        String name = ProcessHandle.current().pid() + "@" + host;
        return name.length() > 80 ? name.substring(0, 80) : name;
    }
}
