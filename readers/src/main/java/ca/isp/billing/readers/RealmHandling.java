package ca.isp.billing.readers;

/**
 * What a RADIUS reader does with the realm of a User-Name ("alice@fibre.example"): keep it in
 * the user name, when subscriptions are keyed on the full name, or strip it, when they are keyed
 * on the bare name ("alice"). The realm (after the last '@', as FreeRADIUS's suffix realms
 * read it) is reported on its own either way.
 */
public enum RealmHandling {
    KEEP, STRIP
}
