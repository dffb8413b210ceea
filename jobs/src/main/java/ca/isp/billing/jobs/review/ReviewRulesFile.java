package ca.isp.billing.jobs.review;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import ca.isp.billing.domain.review.ReviewSettings;

/**
 * The review gate's rules as the operator keeps them in {@code templates/review-rules.properties}
 * (documented there and in templates/README.md), read when the gate starts, so an edit counts
 * from the next run. No file: the defaults. A file with a mistake stops the gate with the key
 * named: rules that silently do not apply would let the anomalies through.
 */
public final class ReviewRulesFile {

    public static final String NAME = "review-rules.properties";

    private ReviewRulesFile() {
    }

    /** The rules file of a templates folder: {@code <templates>/review-rules.properties}. */
    public static ReviewSettings inTemplates(Path templates) {
        return load(templates.resolve(NAME));
    }

    /** A rules file (billing.review.rules); missing: the defaults. */
    public static ReviewSettings load(Path file) {
        if (!Files.isRegularFile(file)) {
            return ReviewSettings.defaults();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        try {
            return ReviewSettings.of(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
