package dev.accord.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The application under test: the EAR exactly as the build packaged it. */
final class Deployments {

  private Deployments() {}

  static EnterpriseArchive accordEar() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("accord.ear")));
  }
}
