package com.bpo.portal.governance;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Governance meetings: agenda, minutes, attendees, captured actions and decisions, and their PDFs.
 */
@Path("/governance/meetings")
@Tag(name = "Meetings")
@RequestScoped
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class MeetingResource {
  @Inject MeetingService meetings;
  @Inject MeetingPdf pdf;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Meetings, most recent first, keyset-paginated")
  public Page<MeetingSummary> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return meetings.list(PageRequest.of(limit, cursor));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Plan a meeting (BPO lead); 201 with the meeting and its agenda")
  @APIResponse(
      responseCode = "201",
      description = "The meeting and its agenda; Location names it",
      content = @Content(schema = @Schema(implementation = MeetingDetail.class)))
  public Response create(MeetingForm form) {
    MeetingDetail created = meetings.create(form);
    return Response.status(201)
        .entity(created)
        .header("Location", "/api/v1/governance/meetings/" + created.meeting().id())
        .build();
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A meeting with its agenda (built now), minutes, attendees and captured entries")
  public MeetingDetail get(@PathParam("id") long id) {
    return meetings.find(id).orElseThrow(() -> ProblemException.notFound("Meeting " + id));
  }

  public record Minutes(String minutes, Long version) {}

  @PUT
  @Path("/{id}/minutes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Write the minutes with the version last seen (409 if stale)")
  public MeetingDetail minutes(@PathParam("id") long id, Minutes minutes) {
    return meetings.saveMinutes(
        id, minutes == null ? null : minutes.minutes(), minutes == null ? null : minutes.version());
  }

  public record NewAttendee(String name, String organisation) {}

  @POST
  @Path("/{id}/attendees")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an attendee (organisation BPO or CLIENT)")
  @APIResponse(
      responseCode = "201",
      description = "The meeting with the new attendee",
      content = @Content(schema = @Schema(implementation = MeetingDetail.class)))
  public Response attend(@PathParam("id") long id, NewAttendee attendee) {
    return Response.status(201)
        .entity(
            meetings.addAttendee(
                id,
                attendee == null ? null : attendee.name(),
                attendee == null ? null : attendee.organisation()))
        .build();
  }

  @DELETE
  @Path("/{id}/attendees/{attendee}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Remove an attendee")
  public MeetingDetail leave(@PathParam("id") long id, @PathParam("attendee") long attendee) {
    return meetings.removeAttendee(id, attendee);
  }

  @POST
  @Path("/{id}/entries")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Capture an action or a decision taken in the meeting as a log entry; 201 with the entry")
  @APIResponse(
      responseCode = "201",
      description = "The entry captured in the meeting; Location names it",
      content = @Content(schema = @Schema(implementation = EntryDetail.class)))
  public Response capture(@PathParam("id") long id, EntryForm form) {
    EntryDetail entry = meetings.capture(id, form);
    return Response.status(201)
        .entity(entry)
        .header("Location", "/api/v1/governance/entries/" + entry.entry().id())
        .build();
  }

  @GET
  @Path("/{id}/agenda.pdf")
  @Produces("application/pdf")
  @Operation(summary = "The agenda as a PDF in the tenant's language")
  public Response agendaPdf(@PathParam("id") long id) {
    MeetingDetail meeting = get(id);
    return Response.ok(pdf.agenda(meeting), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"agenda-" + id + ".pdf\"")
        .build();
  }

  @GET
  @Path("/{id}/minutes.pdf")
  @Produces("application/pdf")
  @Operation(
      summary =
          "The minutes (attendees, notes, captured entries) as a PDF in the tenant's language")
  public Response minutesPdf(@PathParam("id") long id) {
    MeetingDetail meeting = get(id);
    return Response.ok(pdf.minutes(meeting), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"minutes-" + id + ".pdf\"")
        .build();
  }
}
