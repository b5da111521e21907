package dev.accord.intake.control;

import dev.accord.intake.entity.ProcessedFile;
import dev.accord.routes.partners.ProcessedFiles;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/** The partner files already taken, by content, in the database shared by every node. */
@Stateless
@LocalBean
public class ProcessedPartnerFiles implements ProcessedFiles {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Override
  public Optional<String> earlierFileName(String partnerId, String sha256) {
    return Optional.ofNullable(
            em.find(ProcessedFile.class, new ProcessedFile.Key(partnerId, sha256)))
        .map(ProcessedFile::getFileName);
  }

  @Override
  public boolean firstTime(String partnerId, String sha256, String fileName) {
    ProcessedFile.Key key = new ProcessedFile.Key(partnerId, sha256);
    if (em.find(ProcessedFile.class, key) != null) {
      return false;
    }
    em.persist(new ProcessedFile(key, fileName, clock.instant()));
    return true;
  }
}
