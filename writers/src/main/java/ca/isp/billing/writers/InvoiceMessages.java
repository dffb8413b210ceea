package ca.isp.billing.writers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.isp.billing.domain.InvoiceSegment;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.SegmentCondition;

/**
 * The invoice messages of {@code templates/messages/} (templates/README.md, "Invoice messages"):
 * {@code cycle-messages.txt}, messages of a cycle date or a range of cycle dates (holiday hours, a
 * price change), and {@code segment-messages.txt}, messages of a segment (plan, province, customer
 * type, language). Each message has its text in English and in French; an invoice gets those of
 * its cycle first, then those of its segment, in the files' order. A missing file has no message;
 * a mistake is refused with the file, the line and the reason.
 */
public record InvoiceMessages(List<Message> cycle, List<Message> segment) {

    public static final String FOLDER = "messages";
    public static final String CYCLE_FILE = "cycle-messages.txt";
    public static final String SEGMENT_FILE = "segment-messages.txt";

    /** One message: the cycle dates it is for (null: any), who it is for, and its two texts. */
    public record Message(LocalDate from, LocalDate to, SegmentCondition condition, String en, String fr) {

        boolean isFor(InvoiceSegment segment, LocalDate cycleDate) {
            if (from != null && (cycleDate == null || cycleDate.isBefore(from) || cycleDate.isAfter(to))) {
                return false;
            }
            return condition.matches(segment);
        }

        /** The text in one language (a bilingual invoice asks for each). */
        public String text(Language language) {
            return language == Language.FR ? fr : en;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

    public static InvoiceMessages none() {
        return new InvoiceMessages(List.of(), List.of());
    }

    /** Reads both files of {@code templates/messages/}. */
    public static InvoiceMessages inTemplates(Path templates) {
        Path folder = templates.resolve(FOLDER);
        return new InvoiceMessages(read(folder.resolve(CYCLE_FILE), "cycle"), read(folder.resolve(SEGMENT_FILE), "message"));
    }

    /** What changes when an operator edits a file: modification times and sizes ("absent" for none). */
    public static String stamp(Path templates) {
        Path folder = templates.resolve(FOLDER);
        return TemplateStamp.of(folder.resolve(CYCLE_FILE)) + "|" + TemplateStamp.of(folder.resolve(SEGMENT_FILE));
    }

    /** The messages an invoice shows, the cycle's first. */
    public List<Message> forInvoice(InvoiceSegment segment, LocalDate cycleDate) {
        List<Message> shown = new ArrayList<>();
        for (Message m : cycle) {
            if (m.isFor(segment, cycleDate)) {
                shown.add(m);
            }
        }
        for (Message m : this.segment) {
            if (m.isFor(segment, null)) {
                shown.add(m);
            }
        }
        return shown;
    }

    /**
     * A file of blocks: a head line ({@code cycle DATE[..DATE] [conditions]} or {@code message
     * [conditions]}), then {@code en "text"} and {@code fr "text"}. {@code #} starts a comment.
     */
    static List<Message> read(Path file, String head) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("messages " + file + " cannot be read: " + e.getMessage(), e);
        }
        List<Message> messages = new ArrayList<>();
        Block block = null;
        for (int n = 1; n <= lines.size(); n++) {
            String raw = lines.get(n - 1).strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            try {
                List<String> words = words(raw);
                String first = words.get(0);
                if (first.equals(head)) {
                    if (block != null) {
                        messages.add(block.message());
                    }
                    block = Block.of(n, head, words.subList(1, words.size()));
                } else if (first.equals("en") || first.equals("fr")) {
                    if (block == null) {
                        throw new IllegalArgumentException("a text before any '" + head + "' line");
                    }
                    if (words.size() != 2 || !raw.substring(2).strip().startsWith("\"")) {
                        throw new IllegalArgumentException("write " + first + " \"the text\" (in double quotes)");
                    }
                    block.text(first, words.get(1));
                } else {
                    throw new IllegalArgumentException("expected '" + head + "', 'en' or 'fr', not '" + first + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("messages " + file + ": line " + n + ": " + e.getMessage()
                        + " (in: " + raw + ")", e);
            }
        }
        if (block != null) {
            try {
                messages.add(block.message());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("messages " + file + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(messages);
    }

    private static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(raw);
        while (m.find()) {
            if (m.group(1) != null) {
                words.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            } else if (m.group(2).startsWith("#")) {
                break;
            } else {
                words.add(m.group(2));
            }
        }
        return words;
    }

    /** A message being read: its head line and the texts seen so far. */
    private static final class Block {
        private final int line;
        private final LocalDate from;
        private final LocalDate to;
        private final SegmentCondition condition;
        private String en;
        private String fr;

        private Block(int line, LocalDate from, LocalDate to, SegmentCondition condition) {
            this.line = line;
            this.from = from;
            this.to = to;
            this.condition = condition;
        }

        static Block of(int line, String head, List<String> words) {
            if (!head.equals("cycle")) {
                return new Block(line, null, null, SegmentCondition.parse(words));
            }
            if (words.isEmpty()) {
                throw new IllegalArgumentException("a cycle date (2026-12-01) or range (2026-12-01..2026-12-31) is required");
            }
            String dates = words.get(0);
            int dots = dates.indexOf("..");
            LocalDate from;
            LocalDate to;
            try {
                from = LocalDate.parse(dots < 0 ? dates : dates.substring(0, dots));
                to = dots < 0 ? from : LocalDate.parse(dates.substring(dots + 2));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + dates + "' is not a date (2026-12-01) nor a range"
                        + " (2026-12-01..2026-12-31)");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("the range " + dates + " ends before it starts");
            }
            return new Block(line, from, to, SegmentCondition.parse(words.subList(1, words.size())));
        }

        void text(String language, String text) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("the " + language + " text is empty");
            }
            if (language.equals("en")) {
                if (en != null) {
                    throw new IllegalArgumentException("a second en text for the message of line " + line);
                }
                en = text;
            } else {
                if (fr != null) {
                    throw new IllegalArgumentException("a second fr text for the message of line " + line);
                }
                fr = text;
            }
        }

        Message message() {
            if (en == null || fr == null) {
                throw new IllegalArgumentException("line " + line + ": the message has no " + (en == null ? "en" : "fr")
                        + " text (each message needs both: a bilingual invoice shows both)");
            }
            return new Message(from, to, condition, en, fr);
        }
    }
}
