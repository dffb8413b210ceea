package ca.isp.billing.archfixture.bad.writers;

/** A plain writer, used by the bad reader. */
public class RejectPdf {
}
