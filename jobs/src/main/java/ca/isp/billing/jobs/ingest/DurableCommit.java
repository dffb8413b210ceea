package ca.isp.billing.jobs.ingest;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes sure what a transaction committed is on disk before something outside the database
 * depends on it (an input file leaving the inbox). The embedded H2 writes commits to its file
 * lazily (its write delay), so a kill right after the commit could lose them: there,
 * {@code CHECKPOINT SYNC} writes and syncs them. MySQL and MariaDB (InnoDB) flush their log at
 * commit already, so nothing is done there. Call it after the commit, once per file: it costs
 * one write and sync of the H2 file.
 */
final class DurableCommit {

    private final JdbcTemplate jdbc;
    private Boolean h2;

    DurableCommit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void ensure() {
        if (h2 == null) {
            h2 = "H2".equals(jdbc.execute((ConnectionCallback<String>) con -> con.getMetaData().getDatabaseProductName()));
        }
        if (h2) {
            jdbc.execute("CHECKPOINT SYNC");
        }
    }
}
