package dev.accord.routes.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

/**
 * The done and quarantine folders on the mailbox's own server: created when missing, and named with
 * the server's hierarchy separator, since {@code Accord/Done} is {@code Accord.Done} on many IMAP
 * servers and camel-mail would otherwise create a differently named folder.
 */
final class MailFolders {

  private final String done;
  private final String quarantine;
  private volatile Resolved resolved;

  /** Full folder names as the server spells them. */
  record Resolved(String done, String quarantine) {}

  MailFolders(String done, String quarantine) {
    this.done = done;
    this.quarantine = quarantine;
  }

  /**
   * Resolves and creates the folders once, through the connection the polled folder came from.
   *
   * @throws MessagingException when the server cannot list or create them; worth a retry
   */
  Resolved on(Folder polled) throws MessagingException {
    Resolved known = resolved;
    if (known == null) {
      Store store = polled.getStore();
      char separator = store.getDefaultFolder().getSeparator();
      known = new Resolved(ensure(store, done, separator), ensure(store, quarantine, separator));
      resolved = known;
    }
    return known;
  }

  private static String ensure(Store store, String name, char separator) throws MessagingException {
    String[] levels = name.split("/");
    StringBuilder path = new StringBuilder();
    for (String level : levels) {
      path.append(path.isEmpty() ? "" : String.valueOf(separator)).append(level);
      Folder folder = store.getFolder(path.toString());
      if (!folder.exists()) {
        folder.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS);
      }
    }
    return path.toString();
  }
}
