package ca.isp.billing.domain;

/**
 * Computes an invoice's taxes. {@link TableTaxEngine} (the operator's tables) is the default; an
 * external service (Avalara-style) would be another implementation chosen by configuration.
 * An invoice that cannot be taxed is an {@link UnknownJurisdictionException}, never a zero.
 */
public interface TaxEngine {

    TaxResult tax(TaxRequest request);
}
