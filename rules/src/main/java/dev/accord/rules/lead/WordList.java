package dev.accord.rules.lead;

import java.util.ArrayList;
import java.util.List;

/**
 * Words and phrases, separated by commas, found in a text as whole words ignoring case: {@code "vp,
 * vice president, head of"} is in "Head of IT" (any run of white space between a phrase's words)
 * but not in "Overhead Manager". A letter or digit just before or after the match makes it part of
 * a longer word, so no match.
 *
 * <p>A lead's title is looked up in a handful of such lists for every lead scored, so this walks
 * the characters once per phrase instead of running a regular expression.
 */
final class WordList {

  // Each phrase as its words, each word folded to one case.
  private final List<String[]> phrases;

  private WordList(List<String[]> phrases) {
    this.phrases = phrases;
  }

  static WordList of(String commaSeparated) {
    List<String[]> phrases = new ArrayList<>();
    for (String phrase : commaSeparated.split(",")) {
      if (!phrase.isBlank()) {
        String[] words = phrase.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
          words[i] = fold(words[i]);
        }
        phrases.add(words);
      }
    }
    return new WordList(List.copyOf(phrases));
  }

  /** The text in the one case both sides are compared in, character for character. */
  static String fold(String text) {
    char[] folded = new char[text.length()];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
    }
    return new String(folded);
  }

  /**
   * @param folded a text already passed through {@link #fold}
   */
  boolean isIn(String folded) {
    for (String[] phrase : phrases) {
      for (int start = folded.indexOf(phrase[0]); start >= 0; ) {
        int end = endOfPhraseAt(folded, phrase, start);
        if (end >= 0 && !partOfAWord(folded, start - 1) && !partOfAWord(folded, end)) {
          return true;
        }
        start = folded.indexOf(phrase[0], start + 1);
      }
    }
    return false;
  }

  /**
   * Where the phrase ends if it starts at {@code start} (its first word known to be there), or -1.
   */
  private static int endOfPhraseAt(String text, String[] phrase, int start) {
    int at = start + phrase[0].length();
    for (int w = 1; w < phrase.length; w++) {
      int spaceEnd = at;
      while (spaceEnd < text.length() && isSpace(text.charAt(spaceEnd))) {
        spaceEnd++;
      }
      if (spaceEnd == at || !text.startsWith(phrase[w], spaceEnd)) {
        return -1;
      }
      at = spaceEnd + phrase[w].length();
    }
    return at;
  }

  // What a regular expression's \s is: space, tab, new line, vertical tab, form feed, return.
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static boolean partOfAWord(String text, int index) {
    return index >= 0 && index < text.length() && WordCharacters.isWordCharacter(text, index);
  }
}
