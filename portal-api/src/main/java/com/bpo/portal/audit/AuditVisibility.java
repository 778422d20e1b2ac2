package com.bpo.portal.audit;

import com.bpo.portal.dispute.Party;
import com.bpo.portal.dispute.Visibility;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The audit trail shows data as it was written, so every view of it applies the visibility rules of
 * the data it shows: otherwise the trail is a side door to what the screens hide. Message-like data
 * with its own audience is the dispute thread ({@code dispute_message}: an INTERNAL message is for
 * the BPO only, see {@link Party}); a record of such a message that the reader's party may not see
 * keeps its place in the trail (who, when, which message) but its text and author are withheld. A
 * record whose visibility it does not carry (an update that left it unchanged) is withheld too:
 * when in doubt, the rule of the most restricted data applies. Governance comments and events,
 * scorecard comments and procedure notes have no audience narrower than the trail's own readers
 * (BPO leads and client stakeholders both read them in full), so nothing else is withheld.
 */
public final class AuditVisibility {
  static final String MESSAGES = "dispute_message";
  static final String WITHHELD = "(withheld: not visible to your role)";

  /** The fields of a message record that say nothing of its content. */
  private static final Set<String> SHOWN =
      Set.of("id", "tenant_id", "dispute_id", "visibility", "party", "at");

  private AuditVisibility() {}

  /**
   * The filter for one reader's view of the trail. Only the people who answer audits read it (BPO
   * leads, client stakeholders); anyone else is refused here too, whatever door they came through.
   */
  public static UnaryOperator<AuditRecord> forReader(PortalUser reader) {
    if (!reader.hasRole(Roles.BPO_LEAD) && !reader.hasRole(Roles.CLIENT_STAKEHOLDER)) {
      throw ProblemException.forbidden(
          "The audit trail is for the BPO's team leads and the client's stakeholders.");
    }
    Party party = Party.of(reader);
    return party.isBpo() ? UnaryOperator.identity() : record -> shown(record, party);
  }

  static AuditRecord shown(AuditRecord record, Party party) {
    if (!MESSAGES.equals(record.entity()) || mayRead(record, party)) {
      return record;
    }
    return new AuditRecord(
        record.id(),
        record.occurredAt(),
        record.actor(),
        record.action(),
        record.entity(),
        record.entityId(),
        withhold(record.before()),
        withhold(record.after()),
        record.requestId(),
        record.sealSeq());
  }

  /**
   * True when the record states the message's visibility and each one it states is one the party
   * sees.
   */
  private static boolean mayRead(AuditRecord record, Party party) {
    var stated =
        Stream.of(record.before(), record.after())
            .filter(json -> json != null && json.get("visibility") instanceof JsonString)
            .map(json -> json.getString("visibility"))
            .toList();
    return !stated.isEmpty()
        && stated.stream().allMatch(v -> isVisibility(v) && party.sees(Visibility.valueOf(v)));
  }

  private static boolean isVisibility(String value) {
    return Stream.of(Visibility.values()).anyMatch(v -> v.name().equals(value));
  }

  private static JsonObject withhold(JsonObject row) {
    if (row == null) {
      return null;
    }
    JsonObjectBuilder kept = Json.createObjectBuilder();
    row.forEach(
        (key, value) -> kept.add(key, SHOWN.contains(key) ? value : Json.createValue(WITHHELD)));
    return kept.build();
  }
}
