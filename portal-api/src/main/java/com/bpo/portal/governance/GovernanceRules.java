package com.bpo.portal.governance;

/**
 * Who may do what on the log, apart from workflow steps ({@link EntryWorkflow}): a BPO lead manages
 * everything; a client stakeholder sees the whole log, raises issues and comments; an agent sees
 * and updates the entries they own. The escalation job sees everything and edits nothing by hand.
 */
public final class GovernanceRules {
  private GovernanceRules() {}

  public static boolean sees(Actor actor, boolean owns) {
    return actor != Actor.AGENT || owns;
  }

  public static boolean mayCreate(Actor actor, EntryType type) {
    return actor == Actor.LEAD || (actor == Actor.STAKEHOLDER && type == EntryType.ISSUE);
  }

  /** Title, description, area, priority, risk scores, due date and links. */
  public static boolean mayEdit(Actor actor, boolean owns) {
    return actor == Actor.LEAD || (actor == Actor.AGENT && owns);
  }

  /** Giving the entry to someone else is the lead's call, also for an agent's own entry. */
  public static boolean mayReassign(Actor actor) {
    return actor == Actor.LEAD;
  }

  public static boolean mayComment(Actor actor, boolean owns) {
    return actor == Actor.LEAD || actor == Actor.STAKEHOLDER || (actor == Actor.AGENT && owns);
  }

  /** Meetings: everyone in governance reads them; the lead plans them and writes the minutes. */
  public static boolean readsMeetings(Actor actor) {
    return actor != Actor.SYSTEM;
  }

  public static boolean managesMeetings(Actor actor) {
    return actor == Actor.LEAD;
  }

  /** The escalation matrix and the root-cause threshold: read by all, set by the lead. */
  public static boolean managesSettings(Actor actor) {
    return actor == Actor.LEAD;
  }
}
