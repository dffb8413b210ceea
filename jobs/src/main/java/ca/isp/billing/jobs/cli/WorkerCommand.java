package ca.isp.billing.jobs.cli;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.ObjectProvider;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.remote.RemoteWorker;
import picocli.CommandLine.Command;

/** run.sh worker: runs the partitions a manager (bill --workers remote) sends, until SIGTERM. */
@Command(name = "worker")
class WorkerCommand implements Callable<Integer> {

    /** Only in a worker process (billing.mode=worker, run.sh worker). */
    private final ObjectProvider<RemoteWorker> remoteWorker;

    WorkerCommand(ObjectProvider<RemoteWorker> remoteWorker) {
        this.remoteWorker = remoteWorker;
    }

    @Override
    public Integer call() {
        RemoteWorker worker = remoteWorker.getIfAvailable();
        if (worker == null) {
            throw new UsageException("worker runs with billing.mode=worker (run.sh worker sets it)");
        }
        try {
            worker.run();
            return BillingCommandLine.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BillingCommandLine.FAILED;
        }
    }
}
