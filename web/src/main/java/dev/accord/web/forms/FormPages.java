package dev.accord.web.forms;

import dev.accord.routes.intake.FieldError;
import java.util.List;

/** The pages a person sees when a form post goes wrong: plain HTML, every value escaped. */
final class FormPages {

  private FormPages() {}

  static String problem(String title, String detail, List<FieldError> errors) {
    StringBuilder page =
        new StringBuilder(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>""");
    page.append(escape(title))
        .append("</title></head><body><main><h1>")
        .append(escape(title))
        .append("</h1><p>")
        .append(escape(detail))
        .append("</p>");
    if (!errors.isEmpty()) {
      page.append("<ul>");
      for (FieldError error : errors) {
        page.append("<li><strong>")
            .append(escape(error.field()))
            .append("</strong> ")
            .append(escape(error.reason()))
            .append("</li>");
      }
      page.append("</ul>");
    }
    page.append(
        "<p><a href=\"javascript:history.back()\">Go back to the form</a></p></main></body></html>");
    return page.toString();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
