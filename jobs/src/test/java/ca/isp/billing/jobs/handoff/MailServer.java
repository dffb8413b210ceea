package ca.isp.billing.jobs.handoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM (GreenMail) on a loopback port, that can refuse chosen
 * recipients for good (550) or for now (450), as a real server answers RCPT TO. What it
 * received is counted here, at the server: the count that says "exactly once".
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> putOff = ConcurrentHashMap.newKeySet();

    /** Starts a server on a free port. */
    public MailServer() {
        this(freePort());
    }

    /** Starts a server on this port (one a test kept free, to start the server after a first run found none). */
    public MailServer(int port) {
        greenMail = new RefusingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** RCPT TO this address gets "550 5.1.1 ... User unknown". */
    public void refuse(String address) {
        refused.add(address.toLowerCase());
    }

    /** RCPT TO this address gets "450 4.2.1 ... try again later". */
    public void putOff(String address) {
        putOff.add(address.toLowerCase());
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** Forgets every message accepted so far (a test that starts over). */
    public void reset() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every message the server accepted, one per recipient. */
    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The Message-ID of every message accepted, repeats included. */
    public List<String> messageIds() {
        return received().stream().map(MailServer::messageId).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** A port nothing listens on now: where a test points the application before it starts the server. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GreenMail whose SMTP manager answers RCPT TO as this server was told to. */
    private final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
            // GreenMail keeps the managers it was given when it starts its services again
            managers = new Managers() {
                private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                    @Override
                    public String checkRecipient(SmtpState state, MailAddress recipient) {
                        String address = recipient.getEmail().toLowerCase();
                        if (refused.contains(address)) {
                            return "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown";
                        }
                        if (putOff.contains(address)) {
                            return "450 4.2.1 <" + address + ">: Mailbox busy, try again later";
                        }
                        return null;
                    }
                };

                @Override
                public SmtpManager getSmtpManager() {
                    return smtp;
                }
            };
        }
    }
}
