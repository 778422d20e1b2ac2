package com.bpo.portal.collection;

import com.bpo.portal.limits.RateLimited;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.QueryParams;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Collections: the worklist, accounts' profiles and timelines, activities, promises to pay,
 * strategies and settings for the BPO; customers propose promises on their own account and read
 * their reminders ({@link DunningResource}). Rules live in {@link CollectionService}.
 */
@Path("/collections")
@Tag(name = "Collections")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
public class CollectionsResource {
  @Inject CollectionService collections;

  @GET
  @Path("/worklist")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Accounts to work, ranked by priority (broken promises, promises due today, then overdue "
              + "amount net of disputes and promises × age × risk); keyset-paginated. An agent sees their own unless they name "
              + "a collector; all=true lists accounts not yet due for action too")
  public Page<WorklistItem> worklist(
      @QueryParam("collector") String collector,
      @QueryParam("risk") String risk,
      @QueryParam("minAmount") String minAmount,
      @QueryParam("all") boolean all,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    QueryParams params = new QueryParams();
    WorklistFilter filter =
        new WorklistFilter(
            Optional.ofNullable(collector).filter(c -> !c.isBlank()).map(String::strip),
            params.enums("risk", risk, RiskClass.class),
            params.decimal("minAmount", minAmount),
            !all);
    params.throwIfInvalid();
    return collections.worklist(filter, PageRequest.of(limit, cursor));
  }

  public record Reassignment(List<Long> ids, String collector) {}

  @POST
  @Path("/worklist/assignments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(
      summary =
          "Give accounts to another collector (one of the tenant's active agents or leads), all or none")
  public java.util.Map<String, Integer> reassign(Reassignment reassignment) {
    return java.util.Map.of(
        "assigned",
        collections.reassign(
            reassignment == null ? null : reassignment.ids(),
            reassignment == null ? null : reassignment.collector()));
  }

  @GET
  @Path("/accounts/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "An account's collections profile (risk, type, language, hold, next action) and figures")
  public AccountProfile account(@PathParam("id") long id) {
    return collections.profile(id).orElseThrow(() -> ProblemException.notFound("Account " + id));
  }

  @PUT
  @Path("/accounts/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change an account's collections profile, with the version read; 409 if stale")
  public AccountProfile changeAccount(@PathParam("id") long id, AccountProfile.Change change) {
    return collections.changeProfile(id, change);
  }

  @GET
  @Path("/accounts/{id}/timeline")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The account's collections timeline, newest first: activities, promises, notices, disputes, payments")
  public List<TimelineEntry> timeline(
      @PathParam("id") long id, @QueryParam("limit") Integer limit) {
    QueryParams params = new QueryParams();
    params.range("limit", limit == null ? 100 : limit, 1, 500);
    params.throwIfInvalid();
    return collections.timeline(id, limit == null ? 100 : limit);
  }

  @POST
  @Path("/accounts/{id}/activities")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Log a call, mail, letter or note with contact, outcome and next action date; 201")
  @RateLimited
  @APIResponse(
      responseCode = "201",
      description = "The activity logged",
      content = @Content(schema = @Schema(implementation = Activity.class)))
  public Response logActivity(@PathParam("id") long id, Activity.New activity) {
    return Response.status(201).entity(collections.logActivity(id, activity)).build();
  }

  @GET
  @Path("/accounts/{id}/promises")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CUSTOMER})
  @Operation(
      summary = "The account's promises to pay, newest first (a customer: their own account only)")
  public List<Promise> promises(@PathParam("id") long id) {
    return collections.promisesOf(id);
  }

  @POST
  @Path("/accounts/{id}/promises")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CUSTOMER})
  @Operation(
      summary =
          "Record a promise to pay (BPO: open at once) or propose one (customer, own account: the "
              + "collector accepts, counters or declines); 201")
  @RateLimited
  @APIResponse(
      responseCode = "201",
      description = "The promise recorded or proposed; Location names it",
      content = @Content(schema = @Schema(implementation = Promise.class)))
  public Response recordPromise(@PathParam("id") long id, Promise.New promise) {
    Promise made = collections.recordPromise(id, promise);
    return Response.status(201)
        .entity(made)
        .header("Location", "/api/v1/collections/promises/" + made.id())
        .build();
  }

  @GET
  @Path("/promises/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CUSTOMER})
  @Operation(summary = "One promise to pay")
  public Promise promise(@PathParam("id") long id) {
    return collections.promise(id).orElseThrow(() -> ProblemException.notFound("Promise " + id));
  }

  @POST
  @Path("/promises/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Accept, counter (new amount and date) or decline a customer's proposal, with the version read")
  public Promise decide(@PathParam("id") long id, Promise.Decision decision) {
    return collections.decide(id, decision);
  }

  @POST
  @Path("/promises/evaluation")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Decide the open promises from the payments applied now (the daily job does it too)")
  public CollectionService.Evaluation evaluate() {
    return collections.evaluatePromises();
  }

  @GET
  @Path("/metrics")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
  @Operation(
      summary =
          "Per collector and for the tenant over a period (default: this month so far): accounts worked, "
              + "contacts, promises made and kept (count, amount), collected against overdue, promises kept % and dunning coverage %")
  public CollectionMetrics metrics(@QueryParam("from") String from, @QueryParam("to") String to) {
    QueryParams params = new QueryParams();
    var start = params.date("from", from);
    var end = params.date("to", to);
    params.throwIfInvalid();
    java.time.LocalDate today = collections.today();
    return collections.metrics(start.orElse(today.withDayOfMonth(1)), end.orElse(today));
  }

  @GET
  @Path("/strategies")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
  @Operation(summary = "Every version of the tenant's collection strategies with their steps")
  public List<Strategy> strategies() {
    return collections.strategies();
  }

  @POST
  @Path("/strategies")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(summary = "Add a version of a strategy (a new code creates it); 201")
  @APIResponse(
      responseCode = "201",
      description = "The strategy with the new version",
      content = @Content(schema = @Schema(implementation = Strategy.class)))
  public Response newStrategyVersion(StrategyQueries.StrategyDraft draft) {
    return Response.status(201).entity(collections.newStrategyVersion(draft)).build();
  }

  @GET
  @Path("/settings")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Promise tolerance (days, amount) and automatic release, with their version")
  public CollectionSettings settings() {
    return collections.settings();
  }

  @PUT
  @Path("/settings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BPO_LEAD)
  @Operation(summary = "Change the settings with the version read; 409 if stale")
  public CollectionSettings saveSettings(CollectionSettings settings) {
    return collections.saveSettings(settings);
  }
}
