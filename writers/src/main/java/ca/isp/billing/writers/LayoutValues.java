package ca.isp.billing.writers;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a layout file may print, {@code ${invoice.amountDue}} and the like: the same
 * formatted text the HTML templates receive (InvoiceView), plus the page number.
 */
final class LayoutValues {

    private static final Map<String, Set<String>> KNOWN = Map.of(
            "company", Set.of("name", "legalName", "phone", "email", "website", "remittanceNote", "message",
                    "addressLines"),
            "invoice", Set.of("language", "invoiceNumber", "accountNumber", "customerName", "mailingAddress",
                    "invoiceDate", "dueDate", "servicePeriod", "periodStart", "periodEnd", "currency", "subtotal", "tax",
                    "total", "previousBalance", "paymentCount", "paymentsReceived", "amountDue", "serviceEnded"),
            "line", Set.of("description", "period", "quantity", "unitPrice", "amount"),
            "tax", Set.of("description", "amount"),
            "payment", Set.of("date", "reference", "amount"),
            "adjustment", Set.of("date", "reference", "amount"),
            "message", Set.of("text"),
            "usage", Set.of("plan", "used", "included", "band", "calls", "minutes"));

    private LayoutValues() {
    }

    static boolean known(String scope, String name) {
        if (name == null) {
            return scope.equals("page") || scope.equals("pages");
        }
        return KNOWN.getOrDefault(scope, Set.of()).contains(name);
    }

    /** The lines a block's text stands for: a list value gives one line per element. */
    static List<String> lines(String text, InvoiceView v) {
        return switch (text) {
            case "${company.addressLines}" -> v.company().addressLines();
            case "${invoice.mailingAddress}" -> v.mailingAddress();
            default -> List.of(text);
        };
    }

    /** The text with its values put in; {@code element} is the current line, tax, payment or adjustment. */
    static String fill(String text, InvoiceView v, Object element, int page, int pages) {
        int dollar = text.indexOf('$');
        if (dollar < 0) {
            return text;
        }
        // InvoiceLayout.VARIABLE (${scope} or ${scope.name}, ASCII letters) matched by hand: a regex
        // Matcher for every text of every invoice was a few per cent of the render's CPU
        int n = text.length();
        StringBuilder out = new StringBuilder(n + 32);
        int copied = 0;
        for (int i = dollar; i >= 0; i = text.indexOf('$', i + 1)) {
            if (i + 1 >= n || text.charAt(i + 1) != '{') {
                continue;
            }
            int scopeEnd = letters(text, i + 2);
            if (scopeEnd == i + 2) {
                continue;
            }
            int end = scopeEnd;
            String name = null;
            if (end < n && text.charAt(end) == '.') {
                int nameEnd = letters(text, end + 1);
                if (nameEnd > end + 1) {
                    name = text.substring(end + 1, nameEnd);
                    end = nameEnd;
                }
            }
            if (end >= n || text.charAt(end) != '}') {
                continue;
            }
            out.append(text, copied, i).append(java.util.Objects.requireNonNull(
                    value(text.substring(i + 2, scopeEnd), name, v, element, page, pages)));
            copied = end + 1;
            i = end;
        }
        return out.append(text, copied, n).toString();
    }

    /** The end of the run of ASCII letters starting at {@code from}. */
    private static int letters(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) >= 'a' && text.charAt(i) <= 'z'
                || text.charAt(i) >= 'A' && text.charAt(i) <= 'Z')) {
            i++;
        }
        return i;
    }

    private static String value(String scope, String name, InvoiceView v, Object element, int page, int pages) {
        InvoiceView.Company c = v.company();
        return switch (scope) {
            case "page" -> Integer.toString(page);
            case "pages" -> Integer.toString(pages);
            case "company" -> switch (name) {
                case "name" -> c.name();
                case "legalName" -> c.legalName();
                case "phone" -> c.phone();
                case "email" -> c.email();
                case "website" -> c.website();
                case "remittanceNote" -> c.remittanceNote();
                case "message" -> c.message();
                default -> String.join(", ", c.addressLines());
            };
            case "invoice" -> switch (name) {
                case "language" -> v.language();
                case "invoiceNumber" -> v.invoiceNumber();
                case "accountNumber" -> v.accountNumber();
                case "customerName" -> v.customerName();
                case "invoiceDate" -> v.invoiceDate();
                case "dueDate" -> v.dueDate();
                case "servicePeriod" -> v.servicePeriod();
                case "periodStart" -> v.periodStart();
                case "periodEnd" -> v.periodEnd();
                case "currency" -> v.currency();
                case "subtotal" -> v.subtotal();
                case "tax" -> v.tax();
                case "total" -> v.total();
                case "previousBalance" -> v.previousBalance();
                case "paymentCount" -> Integer.toString(v.paymentCount());
                case "paymentsReceived" -> v.paymentsReceived();
                case "amountDue" -> v.amountDue();
                case "serviceEnded" -> v.serviceEnded();
                default -> String.join(", ", v.mailingAddress());
            };
            case "line" -> element instanceof InvoiceView.Line l ? switch (name) {
                case "description" -> l.description();
                case "period" -> l.period();
                case "quantity" -> l.quantity();
                case "unitPrice" -> l.unitPrice();
                default -> l.amount();
            } : "";
            case "tax" -> element instanceof InvoiceView.Tax t
                    ? (name.equals("description") ? t.description() : t.amount()) : "";
            case "payment" -> element instanceof InvoiceView.Payment p ? switch (name) {
                case "date" -> p.date();
                case "reference" -> p.reference();
                default -> p.amount();
            } : "";
            case "adjustment" -> element instanceof InvoiceView.Adjustment a ? switch (name) {
                case "date" -> a.date();
                case "reference" -> a.reference();
                default -> a.amount();
            } : "";
            case "message" -> element instanceof InvoiceView.Message msg ? msg.text() : "";
            case "usage" -> usage(name, element);
            default -> "";
        };
    }

    /** A value of the usage summary's data ({@code plan}, {@code used}, {@code included}) or calls ({@code band}, {@code calls}, {@code minutes}). */
    private static String usage(String name, Object element) {
        if (element instanceof InvoiceView.UsageData d) {
            return switch (name) {
                case "plan" -> d.plan();
                case "used" -> d.used();
                case "included" -> d.included();
                default -> "";
            };
        }
        if (element instanceof InvoiceView.UsageCalls c) {
            return switch (name) {
                case "band" -> c.band();
                case "calls" -> c.calls();
                case "minutes" -> c.minutes();
                default -> "";
            };
        }
        return "";
    }

    /** Whether a condition of the layout holds for this invoice. */
    static boolean holds(String when, InvoiceView v, int pages) {
        if (when == null) {
            return true;
        }
        return switch (when) {
            case "nothing-due" -> v.nothingDue();
            case "service-period" -> !v.servicePeriod().isEmpty();
            case "several-pages" -> pages > 1;
            case "payments-listed" -> v.paymentsListed();
            case "payments-counted" -> !v.paymentsListed();
            case "message" -> !v.company().message().isEmpty();
            case "taxes-shown" -> !v.taxes().isEmpty();
            case "messages" -> !v.messages().isEmpty();
            // a final bill (close-account) says so: its last day of service is known
            case "final-bill" -> !v.serviceEnded().isEmpty();
            case "usage-summary" -> !v.usageData().isEmpty() || !v.usageCalls().isEmpty();
            default -> false;
        };
    }

    /** The adjustments (ledger entry types) a list of their own shows, with their own words. */
    static final java.util.Set<String> NAMED_ADJUSTMENTS = java.util.Set.of("OPENING_BALANCE", "WRITE_OFF", "REVERSAL",
            "RECOVERY");

    /** The elements a row repeats over. */
    static List<?> elements(String each, InvoiceView v) {
        return switch (each) {
            case "taxes" -> v.taxes();
            case "messages" -> v.messages();
            // the usage summary: data against a set allowance, data without one, calls by band
            case "usage-data" -> v.usageData().stream().filter(d -> !d.included().isEmpty()).toList();
            case "usage-data-unlimited" -> v.usageData().stream().filter(d -> d.included().isEmpty()).toList();
            case "usage-calls" -> v.usageCalls();
            case "payments" -> v.paymentsListed() ? v.payments() : List.of();
            case "opening-balances" -> v.adjustments().stream().filter(a -> a.type().equals("OPENING_BALANCE")).toList();
            case "write-offs" -> v.adjustments().stream().filter(a -> a.type().equals("WRITE_OFF")).toList();
            case "returned-payments" -> v.adjustments().stream().filter(a -> a.type().equals("REVERSAL")).toList();
            case "recoveries" -> v.adjustments().stream().filter(a -> a.type().equals("RECOVERY")).toList();
            // what no list of its own names: each kind above has its wording in the layout
            default -> v.adjustments().stream().filter(a -> !NAMED_ADJUSTMENTS.contains(a.type())).toList();
        };
    }
}
