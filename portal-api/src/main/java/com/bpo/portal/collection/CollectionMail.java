package com.bpo.portal.collection;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of collections mail (bundle {@code mail/collections}), in the language asked for: a
 * notice in the customer's, a note to a collector in the tenant's. Plain text only.
 */
final class CollectionMail {
  private CollectionMail() {}

  static String text(Locale locale, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle("mail.collections", locale);
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }
}
