package com.bpo.portal.ui.procedure;

import com.bpo.portal.procedure.DraftChange;
import com.bpo.portal.procedure.SafeMarkdown;
import com.bpo.portal.procedure.VersionDetail;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.ui.FieldErrors;
import com.bpo.portal.ui.FormEvents;
import com.bpo.portal.ui.FormEvents.CloseEvent;
import com.bpo.portal.ui.FormEvents.SaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * A draft's text and change note: Markdown on the left, the sanitised preview beside it as one
 * types. The form owns its {@link Binder}; saving fires a {@link SaveEvent} with the {@link
 * DraftChange} the service takes (with the version's lock version it was opened on).
 */
public class DraftEditor extends VerticalLayout {
  final TextField changeNote = new TextField();
  final TextArea content = new TextArea();
  final Div preview = new Div();

  private final Binder<Draft> binder = new Binder<>(Draft.class);
  private final Draft draft = new Draft();
  private final long version;

  /** The draft as the form edits it. */
  public static class Draft {
    private String content = "";
    private String changeNote = "";

    public String getContent() {
      return content;
    }

    public void setContent(String content) {
      this.content = content;
    }

    public String getChangeNote() {
      return changeNote;
    }

    public void setChangeNote(String changeNote) {
      this.changeNote = changeNote;
    }
  }

  public DraftEditor(VersionDetail opened) {
    version = opened.version().version();
    content.setId("draft-content");
    content.setLabel(getTranslation("procedure.markdown"));
    content.setWidthFull();
    content.setMinHeight("24em");
    content.setValueChangeMode(ValueChangeMode.LAZY);
    preview.setId("draft-preview");
    preview.addClassName("procedure-text");
    preview
        .getStyle()
        .set("max-width", "60em")
        .set("border-left", "3px solid var(--lumo-contrast-10pct)")
        .set("padding-left", "var(--lumo-space-m)");
    preview.setWidthFull();
    content.addValueChangeListener(
        e -> preview.getElement().setProperty("innerHTML", SafeMarkdown.toHtml(e.getValue())));
    changeNote.setId("draft-note");
    changeNote.setLabel(getTranslation("procedure.changeNote"));
    changeNote.setWidthFull();
    changeNote.setMaxLength(4000);
    // property names are the service's field names, so that its errors find their fields
    binder.forField(content).bind("content");
    binder.forField(changeNote).bind("changeNote");
    draft.setContent(opened.content() == null ? "" : opened.content());
    draft.setChangeNote(opened.version().changeNote() == null ? "" : opened.version().changeNote());
    binder.readBean(draft);
    preview.getElement().setProperty("innerHTML", opened.html() == null ? "" : opened.html());
    VerticalLayout previewColumn =
        new VerticalLayout(new Span(getTranslation("procedure.preview")), preview);
    previewColumn.setPadding(false);
    HorizontalLayout split = new HorizontalLayout(content, previewColumn);
    split.setWidthFull();
    split.setFlexGrow(1, content, previewColumn);
    add(changeNote, split);
  }

  /** Writes the fields and fires {@link SaveEvent}. */
  public void save() {
    FieldErrors.clear(binder);
    if (binder.writeBeanIfValid(draft)) {
      FormEvents.fireSave(
          this, new DraftChange(draft.getContent(), draft.getChangeNote(), version));
    }
  }

  public void close() {
    FormEvents.fireClose(this);
  }

  public List<String> showErrors(InvalidFields invalid) {
    return FieldErrors.show(binder, invalid);
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent<DraftChange>> listener) {
    return FormEvents.onSave(this, listener);
  }

  public Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
    return FormEvents.onClose(this, listener);
  }
}
