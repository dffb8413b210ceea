package ca.isp.billing.jobs.remote;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Remote workers ({@code billing.remote.*}), used when {@code billing.mode} is {@code remote} (the
 * manager: {@code run.sh bill ... --workers remote}) or {@code worker} ({@code run.sh worker}). The
 * broker is {@code BILLING_AMQP_URL} (spring.rabbitmq.addresses); its password is never logged.
 *
 * @param queuePrefix    the start of the queue's name: manager and workers of one installation
 *                       share it, two installations (or two test runs) on one broker do not
 * @param pollInterval   how often the manager reads the job repository for its partitions' state
 * @param heartbeat      how often a worker says, in the database, that its partitions are alive
 * @param staleAfter     a partition whose worker has not said so for this long is failed (its
 *                       worker died: kill -9, machine gone, network cut); the restart resumes it
 * @param waitForWorkers how long partitions may wait with no worker taking any, before the step fails
 * @param workerThreads  partitions one worker runs at once; 0 = one per processor core
 * @param workerName     how a worker is named in logs and in partition_heartbeat (default: host name)
 */
@ConfigurationProperties("billing.remote")
public record RemoteSettings(@DefaultValue("billing") String queuePrefix,
                             @DefaultValue("1s") Duration pollInterval,
                             @DefaultValue("5s") Duration heartbeat,
                             @DefaultValue("60s") Duration staleAfter,
                             @DefaultValue("30m") Duration waitForWorkers,
                             @DefaultValue("0") int workerThreads,
                             String workerName) {

    public RemoteSettings {
        if (!queuePrefix.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("billing.remote.queue-prefix must be 1 to 100 letters, digits, '.', '_'"
                    + " or '-', not '" + queuePrefix + "'");
        }
        if (workerName != null && !workerName.isBlank() && !workerName.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new IllegalArgumentException("billing.remote.worker-name must be 1 to 60 letters, digits, '.', '_'"
                    + " or '-', not '" + workerName + "'");
        }
        if (staleAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("billing.remote.stale-after (" + staleAfter + ") must be at least three"
                    + " heartbeats (" + heartbeat + "): a busy worker would be taken for a dead one");
        }
    }

    /** The one queue every partitioned step's requests go through (the steps run one after the other). */
    public String queue() {
        return queuePrefix + ".partition-requests";
    }

    public int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }

    /** The worker's name and process id: "billing-2:41877". */
    public String workerId() {
        String name = workerName;
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "worker";
            }
        }
        return name + ":" + ProcessHandle.current().pid();
    }

    /** The broker's address for a log line: amqp://user@host:port/vhost, never the password. */
    public static String withoutPassword(String amqpUrl) {
        try {
            URI uri = URI.create(amqpUrl.split(",")[0].trim());
            String user = uri.getUserInfo() == null ? "" : uri.getUserInfo().split(":", 2)[0] + "@";
            return uri.getScheme() + "://" + user + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getPath() == null ? "" : uri.getPath());
        } catch (IllegalArgumentException e) {
            return "(an address that is not a URL)";
        }
    }
}
