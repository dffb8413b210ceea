package ca.isp.billing.jobs.report;

import java.nio.file.Path;
import java.util.stream.Collectors;

import ca.isp.billing.domain.Reconciliation;
import ca.isp.billing.domain.ReconciliationEquation;

/**
 * A reconciliation equation does not hold after a run: a record was lost or changed where the
 * pipeline did not do it. Fails the report step (the cycle ends FAILED, exit code 5) with each
 * broken equation and its figures on one line, so the operator learns of it the same night.
 */
public class ReconciliationFailedException extends RuntimeException {

    public ReconciliationFailedException(Reconciliation reconciliation, Path table) {
        super("the reconciliation does not hold: " + reconciliation.broken().stream()
                .map(ReconciliationEquation::toString).collect(Collectors.joining("; "))
                + ". A record was lost or changed outside the pipeline: find it (figures in " + table
                + ") before running the same command again");
    }
}
