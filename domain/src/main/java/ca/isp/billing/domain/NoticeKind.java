package ca.isp.billing.domain;

/**
 * The notices collections send a customer, each from its own templates
 * ({@code templates/notices/<template>_<language>.ftl}): a reminder before an unpaid invoice is
 * due, a warning once it is past due, the notice that service is suspended, the notice that it is
 * back, and the usage alert when a data allowance is nearly or wholly used.
 */
public enum NoticeKind {
    PAYMENT_REMINDER("reminder"),
    PAST_DUE("past-due"),
    SUSPENSION("suspension"),
    REACTIVATION("reactivation"),
    USAGE_ALERT("usage");

    private final String template;

    NoticeKind(String template) {
        this.template = template;
    }

    /** The template's name and the first word of the notice's key: {@code past-due}. */
    public String template() {
        return template;
    }
}
