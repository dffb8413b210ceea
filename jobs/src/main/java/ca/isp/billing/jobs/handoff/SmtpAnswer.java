package ca.isp.billing.jobs.handoff;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

/**
 * What a failed send means, from the SMTP server's answer: a permanent refusal (5xx) of the
 * recipient or of the message needs a person (ATTENTION, with the server's words); a temporary
 * one (4xx), no connection, a timeout, a refused login or sender (our settings: every email would
 * fail the same way) is tried again by the next run. An email accepted with 250 and bounced later
 * arrives as a message in the sender's mailbox, which this program does not read.
 */
final class SmtpAnswer {

    private SmtpAnswer() {
    }

    static Handover of(Throwable failure) {
        List<Throwable> causes = causes(failure);
        for (Throwable t : causes) {
            if (t instanceof AuthenticationFailedException login) {
                return new Handover.TryLater("the mail server refused the login (SMTP_USER, SMTP_PASSWORD): "
                        + answer(login));
            }
            if (t instanceof SMTPSenderFailedException sender) {
                return new Handover.TryLater("the mail server refused the sender " + sender.getAddress() + ": "
                        + answer(sender));
            }
            if (t instanceof SMTPAddressFailedException recipient) {
                return permanent(recipient.getReturnCode())
                        ? new Handover.NeedsAttention("the mail server refused the recipient: " + answer(recipient))
                        : new Handover.TryLater("the mail server put off the recipient: " + answer(recipient));
            }
            if (t instanceof SMTPSendFailedException message) {
                return permanent(message.getReturnCode())
                        ? new Handover.NeedsAttention("the mail server refused the message: " + answer(message))
                        : new Handover.TryLater("the mail server put off the message: " + answer(message));
            }
        }
        Throwable root = causes.get(causes.size() - 1);
        boolean noAnswer = causes.stream().anyMatch(t -> t instanceof IOException);
        return new Handover.TryLater((noAnswer ? "no answer from the mail server: " : "the mail server did not take it: ")
                + root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static boolean permanent(int code) {
        return code >= 500 && code < 600;
    }

    /** The server's reply line(s) as Jakarta Mail keeps them. */
    private static String answer(Exception e) {
        return e.getMessage() == null ? "" : e.getMessage().strip();
    }

    /**
     * Every throwable under the failure: causes, Jakarta Mail's chained next exceptions, and the
     * per-message exceptions Spring's MailSendException carries, each once.
     */
    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
        List<Throwable> all = new ArrayList<>();
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            List<Throwable> under = new ArrayList<>();
            under.add(t.getCause());
            if (t instanceof MessagingException m) {
                under.add(m.getNextException());
            }
            if (t instanceof MailSendException send) {
                under.addAll(List.of(send.getMessageExceptions()));
            }
            under.stream().filter(Objects::nonNull).forEach(todo::add);
        }
        return all;
    }
}
