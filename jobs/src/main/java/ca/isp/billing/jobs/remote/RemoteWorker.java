package ca.isp.billing.jobs.remote;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.Lifecycle;

/**
 * A worker process ({@code run.sh worker}): takes partition requests from the queue until it is
 * told to stop. On SIGTERM it takes no more, asks the partitions it runs to stop at their next
 * chunk boundary (each ends STOPPED with every finished chunk committed; the manager's step then
 * ends STOPPED, and the same bill command resumes it) and returns once they have.
 */
public class RemoteWorker {

    private static final Logger log = LoggerFactory.getLogger(RemoteWorker.class);

    private final Lifecycle requests;
    private final PartitionHeartbeat heartbeat;
    private final RemoteSettings settings;
    private final String home;
    private final String broker;
    private final CountDownLatch stopped = new CountDownLatch(1);

    RemoteWorker(Lifecycle requests, PartitionHeartbeat heartbeat, RemoteSettings settings, String home,
                 String broker) {
        this.requests = requests;
        this.broker = broker;
        this.heartbeat = heartbeat;
        this.settings = settings;
        this.home = home;
    }

    /** Takes requests until {@link #stop()}; returns then. */
    public void run() throws InterruptedException {
        requests.start();
        log.info("Worker {} ready: {} partition(s) at a time from queue {} on {}; shared store {}",
                heartbeat.worker(), settings.effectiveWorkerThreads(), settings.queue(),
                RemoteSettings.withoutPassword(broker), home);
        System.out.println("Worker " + heartbeat.worker() + " waiting for partitions on queue " + settings.queue()
                + " (Ctrl-C or SIGTERM stops it cleanly)");
        stopped.await();
    }

    /** Stops taking requests, stops the running partitions at a chunk boundary, and waits for them. */
    public void stop() {
        int running = heartbeat.stopAll();
        if (running > 0) {
            log.warn("Worker {} stopping: {} partition(s) stop at their next chunk boundary", heartbeat.worker(), running);
        }
        requests.stop(); // waits for the partitions in progress to return
        heartbeat.close();
        log.info("Worker {} stopped", heartbeat.worker());
        stopped.countDown();
    }
}
