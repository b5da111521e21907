package dev.accord.rules.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a job-title column of a point table matches: whole words and phrases, ignoring case. */
class WordListTest {

  private static final List<String> LISTS =
      List.of(
          "student, intern",
          "chief, ceo, cfo, founder, owner",
          "vp, svp, vice president, head of",
          "director",
          "geschäftsführer, c-level, r&d lead");

  @Test
  void aTitleMatchesWholeWordsAndPhrasesInAnyCase() {
    assertThat(mentions("Head of  IT", "vp, vice president, head of")).isTrue();
    assertThat(mentions("HEAD\tOF Sales", "head of")).isTrue();
    assertThat(mentions("Overhead Manager", "head of")).isFalse();
    assertThat(mentions("Head-of Sales", "head of")).isFalse();
    assertThat(mentions("Founder & CEO", "chief, ceo")).isTrue();
    assertThat(mentions("CEO/Founder", "founder")).isTrue();
    assertThat(mentions("VP2 Sales", "vp")).isFalse();
    assertThat(mentions("Marketing Manager Intern", "student, intern")).isTrue();
    assertThat(mentions("Internal Auditor", "student, intern")).isFalse();
    assertThat(mentions("GESCHÄFTSFÜHRER", "geschäftsführer")).isTrue();
    assertThat(mentions("Head of R&D Lead", "r&d lead")).isTrue();
    assertThat(mentions("Director", " , ")).isFalse();
  }

  @Test
  void itAnswersAsTheRegularExpressionItReplaced() {
    Random random = new Random(11);
    String[] pieces = {
      "Head",
      "of",
      "IT",
      "vp",
      "VP",
      "Vice",
      "President",
      "overhead",
      "ceo",
      "CEO2",
      "Founder",
      "&",
      "/",
      "-",
      " ",
      "  ",
      "\t",
      ",",
      "Geschäftsführer",
      "GESCHÄFTSFÜHRER",
      "c-level",
      "R&D",
      "lead",
      "Lead",
      "Director",
      "directors",
      "é",
      "1",
      "Intern",
      "student",
      "ſtudent"
    };
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder title = new StringBuilder();
      for (int p = random.nextInt(6); p >= 0; p--) {
        title.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          title.append(' ');
        }
      }
      for (String list : LISTS) {
        boolean expected = regexOf(list).matcher(title).find();
        if (mentions(title.toString(), list) != expected) {
          disagreements.add("'" + title + "' in [" + list + "]: regex says " + expected);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private static boolean mentions(String title, String words) {
    return new Lead("a@b.example", null, null, null, title, null, "DE", null, null, null)
        .titleMentions(words);
  }

  // How titleMentions matched before: one case-insensitive pattern per list.
  private static Pattern regexOf(String words) {
    List<String> alternatives = new ArrayList<>();
    for (String word : words.split(",")) {
      if (!word.isBlank()) {
        alternatives.add(
            String.join(
                "\\s+", Arrays.stream(word.strip().split("\\s+")).map(Pattern::quote).toList()));
      }
    }
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
