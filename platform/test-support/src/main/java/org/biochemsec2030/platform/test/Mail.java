package org.biochemsec2030.platform.test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The mailboxes of the mail catcher ({@link Engines#mail()}), read over IMAP as a mail
 * client reads them: what a person would find in their inbox.
 */
public final class Mail {

	private Mail() {
	}

	/** One message as its reader sees it; {@code text} is its plain-text part. */
	public record Message(String from, List<String> to, String subject, String text,
			Map<String, List<String>> headers) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst()
				.orElse(null);
		}

	}

	/** Every message delivered to {@code address}, oldest first. */
	public static List<Message> inbox(String address) {
		var mail = Engines.mail();
		Properties properties = new Properties();
		properties.put("mail.imap.host", mail.getHost());
		properties.put("mail.imap.port", String.valueOf(mail.getMappedPort(3143)));
		properties.put("mail.imap.connectiontimeout", "5000");
		properties.put("mail.imap.timeout", "10000");
		try {
			Store store = Session.getInstance(properties).getStore("imap");
			// The catcher accepts any password and names each mailbox after its address.
			store.connect(address, "any");
			try {
				Folder inbox = store.getFolder("INBOX");
				inbox.open(Folder.READ_ONLY);
				try {
					List<Message> messages = new ArrayList<>();
					for (jakarta.mail.Message message : inbox.getMessages()) {
						messages.add(read(message));
					}
					return messages;
				}
				finally {
					inbox.close(false);
				}
			}
			finally {
				store.close();
			}
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Could not read the mailbox of " + address, ex);
		}
	}

	/**
	 * The first message to {@code address} that matches, waiting up to {@code timeout}
	 * for it to arrive (mail is sent after the request that causes it has been answered).
	 */
	public static Message await(String address, Predicate<Message> which, Duration timeout) {
		try {
			return Awaitility.await("mail to " + address)
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> inbox(address).stream().filter(which).findFirst(), Optional::isPresent)
				.orElseThrow();
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("No matching mail to " + address + " within " + timeout + "; the inbox holds "
					+ inbox(address).stream().map(Message::subject).toList(), ex);
		}
	}

	private static Message read(jakarta.mail.Message message) throws MessagingException, IOException {
		List<String> to = new ArrayList<>();
		Address[] recipients = message.getAllRecipients();
		if (recipients != null) {
			for (Address recipient : recipients) {
				to.add(recipient.toString());
			}
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (Header header : Collections.list(message.getAllHeaders())) {
			headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
		}
		Address[] from = message.getFrom();
		return new Message((from != null && from.length > 0) ? from[0].toString() : null, to, message.getSubject(),
				text(message), headers);
	}

	private static String text(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			String html = null;
			for (int i = 0; i < multipart.getCount(); i++) {
				Part child = multipart.getBodyPart(i);
				String text = text(child);
				if (text != null && child.isMimeType("text/plain")) {
					return text;
				}
				if (text != null && html == null) {
					html = text;
				}
			}
			return html;
		}
		if (part.isMimeType("text/*")) {
			return String.valueOf(part.getContent());
		}
		return null;
	}

}
