package com.bpo.portal.governance;

import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.shared.QueryParams;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The log's filters. Written as a query string ({@code type=ISSUE,RISK&status=OPEN&overdue=true}),
 * which is both the REST API's parameters and the form in which a saved view keeps them.
 */
public record EntryFilter(
    Set<EntryType> types,
    Set<EntryStatus> statuses,
    Set<ProcessArea> areas,
    Optional<String> owner,
    boolean overdueOnly,
    Optional<Integer> minLevel,
    Optional<Long> meetingId) {
  public static EntryFilter none() {
    return new EntryFilter(
        Set.of(), Set.of(), Set.of(), Optional.empty(), false, Optional.empty(), Optional.empty());
  }

  public static EntryFilter parse(
      String type,
      String status,
      String area,
      String owner,
      String overdue,
      String level,
      String meeting) {
    QueryParams params = new QueryParams();
    Set<EntryType> types = params.enums("type", type, EntryType.class);
    Set<EntryStatus> statuses = params.enums("status", status, EntryStatus.class);
    Set<ProcessArea> areas = params.enums("area", area, ProcessArea.class);
    Optional<Integer> minLevel = params.integer("level", level, 0, 9);
    Optional<Long> meetingId = params.id("meeting", meeting);
    params.throwIfInvalid();
    return new EntryFilter(
        types,
        statuses,
        areas,
        Optional.ofNullable(owner).map(String::strip).filter(o -> !o.isEmpty()),
        "true".equalsIgnoreCase(overdue),
        minLevel,
        meetingId);
  }

  /** Reads a saved view's query string. */
  public static EntryFilter fromQuery(String query) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return parse(
        values.get("type"),
        values.get("status"),
        values.get("area"),
        values.get("owner"),
        values.get("overdue"),
        values.get("level"),
        values.get("meeting"));
  }

  public String toQuery() {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "type", types);
    put(values, "status", statuses);
    put(values, "area", areas);
    owner.ifPresent(o -> values.put("owner", o));
    if (overdueOnly) {
      values.put("overdue", "true");
    }
    minLevel.ifPresent(l -> values.put("level", String.valueOf(l)));
    meetingId.ifPresent(m -> values.put("meeting", String.valueOf(m)));
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static void put(Map<String, String> values, String name, Set<? extends Enum<?>> set) {
    if (!set.isEmpty()) {
      values.put(name, set.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }
  }

  /** The statuses to show: those chosen, or all. */
  Set<EntryStatus> statusesOrAll() {
    return statuses.isEmpty() ? EnumSet.allOf(EntryStatus.class) : statuses;
  }
}
