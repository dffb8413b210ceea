package ca.isp.billing.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own: its data folder (mariadb-install-db), its port, its socket,
 * no option file of the machine read ({@code --no-defaults}), root without a password on
 * 127.0.0.1. The test stops it (SIGTERM, as a service stop), crashes it (SIGKILL), freezes it
 * (SIGSTOP, as a network cut or a hung server looks to a client) and starts it again, while a
 * billing run uses it. Needs {@code mariadbd} and {@code mariadb-install-db} (Debian's
 * mariadb-server); {@link #unavailable()} says why not, for a skip.
 */
final class MariaDbServer implements AutoCloseable {

    private static final List<Path> SERVERS = List.of(Path.of("/usr/sbin/mariadbd"), Path.of("/usr/bin/mariadbd"),
            Path.of("/usr/sbin/mysqld"));
    private static final List<Path> INSTALLERS = List.of(Path.of("/usr/bin/mariadb-install-db"),
            Path.of("/usr/bin/mysql_install_db"));

    private final Path dir;
    private final Path server;
    private final int port;
    private Process process;

    private MariaDbServer(Path dir, Path server, int port) {
        this.dir = dir;
        this.server = server;
        this.port = port;
    }

    /** Why a server of our own cannot run here, or null. */
    static String unavailable() {
        if (SERVERS.stream().noneMatch(Files::isExecutable)) {
            return "no mariadbd in " + SERVERS;
        }
        if (INSTALLERS.stream().noneMatch(Files::isExecutable)) {
            return "no mariadb-install-db in " + INSTALLERS;
        }
        return null;
    }

    /** Creates the data folder under {@code dir} and starts the server on a free port. */
    static MariaDbServer install(Path dir) throws IOException, InterruptedException {
        Path installer = INSTALLERS.stream().filter(Files::isExecutable).findFirst().orElseThrow();
        Path server = SERVERS.stream().filter(Files::isExecutable).findFirst().orElseThrow();
        CaseFolder.delete(dir);
        Files.createDirectories(dir);
        Process install = new ProcessBuilder(installer.toString(), "--no-defaults", "--user=" + System.getProperty("user.name"),
                "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!install.waitFor(2, TimeUnit.MINUTES) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IOException(installer + " failed: " + Files.readString(dir.resolve("install.log")));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MariaDbServer mariadb = new MariaDbServer(dir, server, port);
        mariadb.start();
        return mariadb;
    }

    /** jdbc:mysql://127.0.0.1:port/ */
    String url() {
        return "jdbc:mysql://127.0.0.1:" + port + "/";
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the server (again) on its data folder and port; returns once it answers. */
    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(server.toString(), "--no-defaults", "--user=" + System.getProperty("user.name"),
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"),
                "--log-error=" + dir.resolve("error.log"), "--innodb-buffer-pool-size=64M", "--skip-log-bin")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(url(), "root", "")) {
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("mariadbd ended with " + process.exitValue() + ": see " + dir.resolve("error.log"));
                }
                Thread.sleep(200);
            }
        }
        throw new IOException("mariadbd did not answer on port " + port + " within 60 s");
    }

    /** A service stop: SIGTERM, the server closes its connections and shuts down cleanly. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** A crash: SIGKILL, nothing closed cleanly (InnoDB recovers at the next start). */
    void crash() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGSTOP: the server keeps its connections open and answers nothing, as behind a network cut. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                thaw();
            } catch (IOException | InterruptedException ignored) {
                // killed next anyway
            }
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CaseFolder.delete(dir);
    }
}
