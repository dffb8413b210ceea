package ca.isp.billing.jobs.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one guard that keeps two billing runs off the same database, whatever starts them (the
 * command line today, a scheduler or stage jobs tomorrow). It is held by the live process and
 * released when that process dies, so a run still marked as running while the guard is free
 * was left by a dead process and can be resumed without asking the operator.
 *
 * <ul>
 * <li>MySQL/MariaDB: a named lock ({@code GET_LOCK}, one per database) held by a connection of
 * its own for as long as the run lasts; the server releases it when that connection closes,
 * which a killed process's connection does.</li>
 * <li>H2 (embedded file): the database file itself is locked by the one process that opens it,
 * and the operating system releases that lock when the process dies; a second process cannot
 * even start (see BillingMain, exit 3).</li>
 * <li>Within one process, a plain lock, so two threads never run a cycle at once.</li>
 * </ul>
 */
@Component
public class RunGuard {

    private static final Logger log = LoggerFactory.getLogger(RunGuard.class);

    private final DataSource dataSource;
    private final ReentrantLock inThisProcess = new ReentrantLock();

    public RunGuard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Held until closed; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the guard, or says who has it: empty when another run holds it. */
    public Optional<Held> tryAcquire() {
        if (!inThisProcess.tryLock()) {
            return Optional.empty();
        }
        try {
            Connection connection = dataSource.getConnection();
            try {
                if (!isMySql(connection)) {
                    connection.close(); // H2: the database file's own lock keeps other processes out
                    return Optional.of(inThisProcess::unlock);
                }
                if (!namedLock(connection, "SELECT GET_LOCK(CONCAT('billing-run:', DATABASE()), 0)")) {
                    connection.close();
                    inThisProcess.unlock();
                    return Optional.empty();
                }
                return Optional.of(() -> {
                    try (connection) {
                        namedLock(connection, "SELECT RELEASE_LOCK(CONCAT('billing-run:', DATABASE()))");
                    } catch (SQLException e) {
                        log.warn("run lock not released cleanly (the server releases it with the connection): {}",
                                e.getMessage());
                    } finally {
                        inThisProcess.unlock();
                    }
                });
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            inThisProcess.unlock();
            throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
        }
    }

    private static boolean isMySql(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        return product.contains("mysql") || product.contains("mariadb");
    }

    private static boolean namedLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
