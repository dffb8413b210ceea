package ca.isp.billing.writers;

import java.util.function.Supplier;

/**
 * Something read from the operator's template files, kept while the files are unchanged and read
 * again after an edit (their stamp: modification times and sizes), so an edit shows on the next
 * invoice without a restart. Safe from several threads: two may read the same edit, one wins.
 */
final class TemplateCache<T> {

    private record Loaded<T>(String stamp, T value) {
    }

    private final Supplier<String> stamp;
    private final Supplier<T> read;
    private volatile Loaded<T> loaded;

    TemplateCache(Supplier<String> stamp, Supplier<T> read) {
        this.stamp = stamp;
        this.read = read;
    }

    T get() {
        String now = stamp.get();
        Loaded<T> l = loaded;
        if (l == null || !l.stamp().equals(now)) {
            l = new Loaded<>(now, read.get());
            loaded = l;
        }
        return l.value();
    }
}
