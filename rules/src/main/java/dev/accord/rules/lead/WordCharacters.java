package dev.accord.rules.lead;

/** What counts as part of a word when names and titles are matched: a letter or a number. */
public final class WordCharacters {

  private WordCharacters() {}

  /**
   * Whether the character at {@code index} is a letter or a number, as {@code \p{L}} or {@code
   * \p{N}} of a regular expression; both halves of a surrogate pair count as their code point.
   */
  public static boolean isWordCharacter(String text, int index) {
    char c = text.charAt(index);
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    int codePoint =
        Character.isLowSurrogate(c) && index > 0
            ? Character.codePointBefore(text, index + 1)
            : Character.codePointAt(text, index);
    if (Character.isLetter(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
