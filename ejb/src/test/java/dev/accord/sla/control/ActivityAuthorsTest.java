package dev.accord.sla.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityAuthorsTest {

  private final ActivityAuthors authors = new ActivityAuthors(Set.of("crm"));

  @Test
  void aSourceThatNamesNobodyRecordsAsItself() {
    assertThat(authors.recordedAs("webinars", null, Optional.of("ana.costa")))
        .isEqualTo("webinars");
    assertThat(authors.recordedAs("webinars", "webinars", Optional.of("ana.costa")))
        .isEqualTo("webinars");
  }

  @Test
  void aSourceThatIsNotTheCrmCannotRecordAsTheLeadsRep() {
    ActivityRefusedException refused =
        catchThrowableOfType(
            ActivityRefusedException.class,
            () -> authors.recordedAs("webinars", "ana.costa", Optional.of("ana.costa")));

    assertThat(refused.error().field()).isEqualTo("by");
    assertThat(refused.error().reason())
        .isEqualTo(
            "must be left out or 'webinars': a source's key records activities as that source");
  }

  @Test
  void theCrmRecordsAsTheLeadsRepButNotAsAnyOtherRep() {
    assertThat(authors.recordedAs("crm", "ana.costa", Optional.of("ana.costa")))
        .isEqualTo("ana.costa");

    ActivityRefusedException otherRep =
        catchThrowableOfType(
            ActivityRefusedException.class,
            () -> authors.recordedAs("crm", "jonas.weber", Optional.of("ana.costa")));
    ActivityRefusedException queuedLead =
        catchThrowableOfType(
            ActivityRefusedException.class,
            () -> authors.recordedAs("crm", "ana.costa", Optional.empty()));

    assertThat(otherRep.error().reason())
        .isEqualTo(
            "must be left out, 'crm' or the lead's rep: the reps' CRM records activities as"
                + " itself or as the lead's rep");
    assertThat(queuedLead.error()).isEqualTo(otherRep.error());
  }

  @Test
  void aRefusalDoesNotTellWhetherTheNameIsARep() {
    ActivityRefusedException aRep =
        catchThrowableOfType(
            ActivityRefusedException.class,
            () -> authors.recordedAs("crm", "jonas.weber", Optional.of("ana.costa")));
    ActivityRefusedException nobody =
        catchThrowableOfType(
            ActivityRefusedException.class,
            () -> authors.recordedAs("crm", "no.such.rep", Optional.of("ana.costa")));

    assertThat(nobody.error()).isEqualTo(aRep.error());
  }
}
