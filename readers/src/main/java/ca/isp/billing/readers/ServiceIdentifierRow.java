package ca.isp.billing.readers;

/**
 * One more identifier of a subscription (import service-identifiers): a RADIUS user name, a
 * phone number or DID, or a framed IP address, with what kind it is.
 */
public record ServiceIdentifierRow(String subscriptionId, String kind, String identifier) {
}
