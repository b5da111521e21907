package dev.accord.routes.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A GreenMail IMAP server on a free port with one mailbox, seen through an ordinary IMAP client the
 * way a person looking at the mailbox would see it.
 */
final class TestMailbox implements AutoCloseable {

  static final String USER = "sales";
  static final String PASSWORD = "s3cret";

  private final GreenMail server =
      new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
  private final Store client;

  TestMailbox() throws MessagingException {
    server.start();
    server.setUser("sales@accord.example", USER, PASSWORD);
    client = Session.getInstance(new Properties()).getStore("imap");
    client.connect("localhost", port(), USER, PASSWORD);
  }

  int port() {
    return server.getImap().getPort();
  }

  /** Puts a mail into the inbox exactly as given (IMAP APPEND, as a server's delivery would). */
  void deliver(byte[] source) throws MessagingException {
    Folder inbox = client.getFolder("INBOX");
    inbox.appendMessages(new Message[] {Mails.parse(source)});
  }

  /** The Message-IDs of the mails in a folder, {@code /} separating levels; none if missing. */
  List<String> messageIds(String folderName) throws MessagingException {
    char separator = client.getDefaultFolder().getSeparator();
    Folder folder = client.getFolder(folderName.replace('/', separator));
    if (!folder.exists()) {
      return List.of();
    }
    folder.open(Folder.READ_ONLY);
    try {
      List<String> ids = new ArrayList<>();
      for (Message message : folder.getMessages()) {
        String[] id = message.getHeader("Message-ID");
        ids.add(id == null ? "(none)" : id[0]);
      }
      return ids;
    } finally {
      folder.close(false);
    }
  }

  @Override
  public void close() throws MessagingException {
    client.close();
    server.stop();
  }
}
