package ca.isp.billing.writers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;

import ca.isp.billing.domain.InvoiceSegment;
import ca.isp.billing.domain.SegmentCondition;

/**
 * The attachments of {@code templates/attachments/attachments.txt} (templates/README.md,
 * "Attachments"): which PDF of that folder is appended to which invoices, every invoice or a
 * segment's (plan, province, customer type, language). Each line names a file, the number of pages
 * it must have, and its conditions. Reading the rules checks every file named (readable, every
 * page US Letter, the page count declared): a bad one is refused naming the file, so the render
 * step fails before any invoice is drawn rather than mailing a wrong or blank insert.
 */
public final class InvoiceAttachments {

    public static final String FOLDER = "attachments";
    public static final String RULES_FILE = "attachments.txt";

    /** One rule: a file appended to the invoices its condition holds for. */
    public record Rule(int line, Path file, int pages, SegmentCondition condition, PdfAttachments pdf) {
    }

    private final List<Rule> rules;

    private InvoiceAttachments(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static InvoiceAttachments none() {
        return new InvoiceAttachments(List.of());
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * The rules file's stamp and those of the PDFs {@code loaded} names (null: none read yet): an
     * edit of the rules or a PDF replaced is read again. Cheap enough for every invoice (a few
     * file attributes, no listing of the folder).
     */
    public static String stamp(Path templates, InvoiceAttachments loaded) {
        StringBuilder s = new StringBuilder(TemplateStamp.of(templates.resolve(FOLDER).resolve(RULES_FILE)));
        if (loaded != null) {
            for (Rule rule : loaded.rules) {
                s.append('|').append(TemplateStamp.of(rule.file()));
            }
        }
        return s.toString();
    }

    /** Reads the rules and checks each file they name; no rules file: no attachment. */
    public static InvoiceAttachments inTemplates(Path templates) {
        Path folder = templates.resolve(FOLDER);
        Path file = folder.resolve(RULES_FILE);
        if (!Files.exists(file)) {
            return none();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("attachment rules " + file + " cannot be read: " + e.getMessage(), e);
        }
        List<Rule> rules = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String raw = lines.get(n - 1);
            int hash = raw.indexOf('#');
            String text = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                List<String> words = List.of(text.split("\\s+"));
                if (words.size() < 2) {
                    throw new IllegalArgumentException("write the file name, its page count and the conditions"
                            + " (none: every invoice), for example: notice.pdf 1 province=QC");
                }
                String name = words.get(0);
                // the name becomes a path: only a file of this folder
                if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.pdf")) {
                    throw new IllegalArgumentException("'" + name + "' is not a PDF file name of this folder"
                            + " (letters, digits, . _ -, ending in .pdf)");
                }
                int pages;
                try {
                    pages = Integer.parseInt(words.get(1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the page count must be a number, not '" + words.get(1) + "'");
                }
                if (pages < 1) {
                    throw new IllegalArgumentException("the page count must be 1 or more");
                }
                SegmentCondition condition = SegmentCondition.parse(words.subList(2, words.size()));
                Path pdf = folder.resolve(name);
                rules.add(new Rule(n, pdf, pages, condition, checked(pdf, pages)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("attachment rules " + file + ": line " + n + ": " + e.getMessage(), e);
            }
        }
        return new InvoiceAttachments(rules);
    }

    /** The file readable, US Letter, and of the page count the rule declares. */
    private static PdfAttachments checked(Path pdf, int pages) {
        if (!Files.isRegularFile(pdf)) {
            throw new IllegalArgumentException("attachment " + pdf + " does not exist");
        }
        PdfAttachments attachment = PdfAttachments.of(List.of(pdf));
        int actual = attachment.pageCount();
        if (actual != pages) {
            throw new IllegalArgumentException("attachment " + pdf + " has " + actual + " page" + (actual == 1 ? "" : "s")
                    + ", the rule says " + pages + " (a file replaced by another?)");
        }
        return attachment;
    }

    /** The rules that hold for an invoice of this segment, in the file's order. */
    public List<Rule> forSegment(InvoiceSegment segment) {
        return rules.stream().filter(r -> r.condition().matches(segment)).toList();
    }

    /** Appends the pages of every attachment for this segment to a document being built. */
    public void appendTo(PDDocument document, InvoiceSegment segment) throws IOException {
        for (Rule rule : rules) {
            if (rule.condition().matches(segment)) {
                rule.pdf().appendTo(document);
            }
        }
    }
}
