package com.bpo.portal.invoice.imports;

import java.util.List;

/**
 * What an import does with one document (invoice, account, payment) of the file, against what the
 * tenant already holds under the client's number: create it, leave it as it is, update the fields
 * that changed, or refuse it with the field and the reason.
 */
record Sync(Action action, List<String> changed, String field, String reason) {
  enum Action {
    CREATE,
    UNCHANGED,
    UPDATE,
    REFUSE
  }

  static final Sync CREATE = new Sync(Action.CREATE, List.of(), null, null);
  static final Sync UNCHANGED = new Sync(Action.UNCHANGED, List.of(), null, null);

  static Sync update(List<String> changed) {
    return changed.isEmpty()
        ? UNCHANGED
        : new Sync(Action.UPDATE, List.copyOf(changed), null, null);
  }

  static Sync refuse(String field, String reason) {
    return new Sync(Action.REFUSE, List.of(), field, reason);
  }
}
