package ca.isp.billing.jobs.remote;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code billing.mode}: {@code local} (partitions on this process's threads), {@code remote}
 * (this process is the manager of remote workers) or {@code worker}. Checked when the process
 * starts: a misspelt mode would otherwise bill on local threads without a word.
 */
@Component
public class BillingMode {

    private static final List<String> MODES = List.of("local", "remote", "worker");

    public BillingMode(@Value("${billing.mode:local}") String mode) {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("billing.mode must be local, remote or worker, not '" + mode + "'");
        }
    }
}
