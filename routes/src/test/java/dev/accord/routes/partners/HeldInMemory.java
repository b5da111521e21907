package dev.accord.routes.partners;

import dev.accord.routes.intake.Quarantine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test's quarantine: keeps what the routes hold, in order. */
final class HeldInMemory implements Quarantine {

  private final List<Quarantined> items = new CopyOnWriteArrayList<>();

  @Override
  public void hold(Quarantined item) {
    items.add(item);
  }

  List<Quarantined> items() {
    return List.copyOf(items);
  }
}
