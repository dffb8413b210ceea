package ca.isp.billing.writers;

import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's templates folder read through one shared Freemarker configuration. Templates are
 * checked for changes on every use, so an edit shows on the next render without a restart.
 * Safe for concurrent use once built (Freemarker configurations are).
 */
final class TemplateFolder {

    private final Path dir;
    private final Configuration configuration;

    TemplateFolder(Path dir, OutputFormat outputFormat) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("templates folder not found: " + dir.toAbsolutePath());
        }
        this.dir = dir;
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        try {
            configuration.setDirectoryForTemplateLoading(dir.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("templates folder not readable: " + dir.toAbsolutePath(), e);
        }
        configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
        configuration.setOutputEncoding(StandardCharsets.UTF_8.name());
        configuration.setOutputFormat(outputFormat);
        configuration.setLocale(Locale.ROOT);
        configuration.setTemplateUpdateDelayMilliseconds(0);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
    }

    Path dir() {
        return dir;
    }

    /** Renders {@code name} (relative to the folder, for example {@code invoice/invoice_en.ftl}) with the model. */
    String render(String name, Map<String, ?> model) {
        Template template;
        try {
            template = configuration.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new TemplateRenderException(name, "not found in " + dir.toAbsolutePath(), e);
        } catch (ParseException e) {
            throw new TemplateRenderException(name, "syntax error at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getEditorMessage(), e);
        } catch (IOException e) {
            throw new TemplateRenderException(name, "cannot be read: " + e.getMessage(), e);
        }
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            String where = e.getLineNumber() == null ? "" : " at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + (name.equals(e.getTemplateSourceName()) || e.getTemplateSourceName() == null
                    ? "" : " of " + e.getTemplateSourceName());
            throw new TemplateRenderException(name, "failed" + where + ": " + e.getMessageWithoutStackTop(), e);
        } catch (IOException e) {
            throw new TemplateRenderException(name, "failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
