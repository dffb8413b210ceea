package ca.isp.billing.writers;

/** An operator template that is missing, does not parse or fails while rendering; names the template file. */
public class TemplateRenderException extends RuntimeException {

    private final String template;

    public TemplateRenderException(String template, String reason, Throwable cause) {
        super("template " + template + ": " + reason, cause);
        this.template = template;
    }

    /** The template's path inside the templates folder, for example {@code invoice/invoice_fr.ftl}. */
    public String template() {
        return template;
    }
}
