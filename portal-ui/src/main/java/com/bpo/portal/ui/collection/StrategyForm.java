package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.CustomerType;
import com.bpo.portal.collection.DunningLetter;
import com.bpo.portal.collection.RiskClass;
import com.bpo.portal.collection.StepAction;
import com.bpo.portal.collection.Strategy;
import com.bpo.portal.collection.StrategyCheck;
import com.bpo.portal.collection.StrategyQueries.StrategyDraft;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.ui.FieldErrors;
import com.bpo.portal.ui.FormEvents;
import com.bpo.portal.ui.FormEvents.SaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A version of a collection strategy as a lead writes it: name, code (for a new strategy; a new
 * version keeps its strategy's), effective date, rank, segment (risk classes, customer types,
 * balance bounds) and an ordered list of steps (days from the due date, level, action, letter
 * template, whether a lead releases it). Each part owns a {@link Binder} whose property names are
 * the service's field names, so that its {@link InvalidFields} (e.g. {@code steps[2].dayOffset})
 * land on the field they name. Saving fires a {@link SaveEvent} with the {@link StrategyDraft} the
 * service takes.
 */
public class StrategyForm extends VerticalLayout {
  private static final Pattern STEP_FIELD = Pattern.compile("steps\\[(\\d+)]\\.(\\w+)");

  /** The letter templates that have their own text (in English and French). */
  static final Set<String> LETTERS = letters();

  /** The strategy's own fields as the form edits them. */
  public static class Header {
    private String code = "";
    private String name = "";
    private Integer rank = 100;
    private LocalDate effectiveFrom;
    private Set<RiskClass> riskClasses = Set.of();
    private Set<CustomerType> customerTypes = Set.of();
    private BigDecimal minBalance;
    private BigDecimal maxBalance;

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public Integer getRank() {
      return rank;
    }

    public void setRank(Integer rank) {
      this.rank = rank;
    }

    public LocalDate getEffectiveFrom() {
      return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
      this.effectiveFrom = effectiveFrom;
    }

    public Set<RiskClass> getRiskClasses() {
      return riskClasses;
    }

    public void setRiskClasses(Set<RiskClass> riskClasses) {
      this.riskClasses = riskClasses;
    }

    public Set<CustomerType> getCustomerTypes() {
      return customerTypes;
    }

    public void setCustomerTypes(Set<CustomerType> customerTypes) {
      this.customerTypes = customerTypes;
    }

    public BigDecimal getMinBalance() {
      return minBalance;
    }

    public void setMinBalance(BigDecimal minBalance) {
      this.minBalance = minBalance;
    }

    public BigDecimal getMaxBalance() {
      return maxBalance;
    }

    public void setMaxBalance(BigDecimal maxBalance) {
      this.maxBalance = maxBalance;
    }
  }

  /** One step as the form edits it. */
  public static class StepBean {
    private Integer dayOffset;
    private Integer level;
    private StepAction action = StepAction.MAIL;
    private String templateKey = "";
    private Boolean needsRelease = Boolean.FALSE;

    public Integer getDayOffset() {
      return dayOffset;
    }

    public void setDayOffset(Integer dayOffset) {
      this.dayOffset = dayOffset;
    }

    public Integer getLevel() {
      return level;
    }

    public void setLevel(Integer level) {
      this.level = level;
    }

    public StepAction getAction() {
      return action;
    }

    public void setAction(StepAction action) {
      this.action = action;
    }

    public String getTemplateKey() {
      return templateKey;
    }

    public void setTemplateKey(String templateKey) {
      this.templateKey = templateKey;
    }

    public Boolean getNeedsRelease() {
      return needsRelease;
    }

    public void setNeedsRelease(Boolean needsRelease) {
      this.needsRelease = needsRelease;
    }
  }

  /** The fields of one step, with their own binder. */
  final class StepRow {
    final IntegerField days = new IntegerField();
    final IntegerField level = new IntegerField();
    final Select<StepAction> action = new Select<>();
    final ComboBox<String> template = new ComboBox<>();
    final Checkbox release = new Checkbox();
    final Button up = new Button(VaadinIcon.ARROW_UP.create());
    final Button down = new Button(VaadinIcon.ARROW_DOWN.create());
    final Button remove = new Button(VaadinIcon.TRASH.create());
    final HorizontalLayout layout = new HorizontalLayout();
    final Binder<StepBean> binder = new Binder<>(StepBean.class);
    final StepBean bean = new StepBean();

    StepRow(StepBean start) {
      days.setLabel(getTranslation("collections.editor.days"));
      days.setHelperText(getTranslation("collections.editor.daysHelp"));
      days.setMin(StrategyCheck.FIRST_DAY);
      days.setMax(StrategyCheck.LAST_DAY);
      days.setStepButtonsVisible(true);
      days.setWidth("9em");
      level.setLabel(getTranslation("collections.editor.level"));
      level.setMin(0);
      level.setMax(StrategyCheck.MAX_LEVEL);
      level.setStepButtonsVisible(true);
      level.setWidth("7em");
      action.setLabel(getTranslation("collections.editor.action"));
      action.setItems(StepAction.values());
      action.setItemLabelGenerator(a -> getTranslation("collections.action." + a.name()));
      action.setWidth("10em");
      template.setLabel(getTranslation("collections.editor.template"));
      template.setAllowCustomValue(true);
      template.setItems(templates);
      template.setItemLabelGenerator(this::templateLabel);
      template.addCustomValueSetListener(
          e -> {
            String key = e.getDetail().strip();
            templates.add(key);
            template.setItems(templates);
            template.setValue(key);
          });
      template.setWidth("18em");
      release.setLabel(getTranslation("collections.editor.release"));
      up.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
      down.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
      remove.addThemeVariants(
          ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
      up.addClickListener(e -> move(this, -1, up));
      down.addClickListener(e -> move(this, 1, down));
      remove.addClickListener(e -> removeRow(this));

      binder
          .forField(days)
          .asRequired(getTranslation("collections.editor.error.days"))
          .withValidator(
              d -> d >= StrategyCheck.FIRST_DAY && d <= StrategyCheck.LAST_DAY,
              getTranslation("collections.editor.error.days"))
          .bind("dayOffset");
      binder
          .forField(level)
          .asRequired(getTranslation("collections.editor.error.level"))
          .withValidator(
              l -> l >= 0 && l <= StrategyCheck.MAX_LEVEL,
              getTranslation("collections.editor.error.level"))
          .bind("level");
      binder
          .forField(action)
          .asRequired(getTranslation("collections.error.required"))
          .bind("action");
      // still required (the binder refuses an empty action), but without the indicator: on a
      // vaadin-select it puts aria-required on a button, which axe refuses (serious)
      action.setRequiredIndicatorVisible(false);
      binder
          .forField(template)
          .asRequired(getTranslation("collections.editor.error.template"))
          .withValidator(
              t -> t.strip().matches("^[a-z][a-z0-9_]{1,39}$"),
              getTranslation("collections.editor.error.template"))
          .bind("templateKey");
      binder.forField(release).bind("needsRelease");
      if (start.getTemplateKey() != null && !start.getTemplateKey().isBlank()) {
        templates.add(start.getTemplateKey());
        template.setItems(templates);
      }
      binder.readBean(start);

      layout.add(days, level, action, template, release, up, down, remove);
      layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      layout.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
      layout.addClassName("strategy-step");
    }

    private String templateLabel(String key) {
      // a key without a letter of its own is sent with the default letter: say so
      return key
          + " · "
          + (LETTERS.contains(key)
              ? DunningLetter.title(key, locale())
              : getTranslation(
                  "collections.editor.templateDefault", DunningLetter.title("default", locale())));
    }

    /** Ids and names that say which step a field belongs to (ids for tests, names for readers). */
    void number(int index) {
      String n = String.valueOf(index + 1);
      layout.setId("strategy-step-" + index);
      days.setId("strategy-step-" + index + "-days");
      level.setId("strategy-step-" + index + "-level");
      action.setId("strategy-step-" + index + "-action");
      template.setId("strategy-step-" + index + "-template");
      release.setId("strategy-step-" + index + "-release");
      up.setId("strategy-step-" + index + "-up");
      down.setId("strategy-step-" + index + "-down");
      remove.setId("strategy-step-" + index + "-remove");
      days.setLabel(getTranslation("collections.editor.daysOfStep", n));
      up.setAriaLabel(getTranslation("collections.editor.up", n));
      down.setAriaLabel(getTranslation("collections.editor.down", n));
      remove.setAriaLabel(getTranslation("collections.editor.remove", n));
      up.setTooltipText(getTranslation("collections.editor.up", n));
      down.setTooltipText(getTranslation("collections.editor.down", n));
      remove.setTooltipText(getTranslation("collections.editor.remove", n));
      up.setEnabled(index > 0);
      down.setEnabled(index < rows.size() - 1);
      remove.setEnabled(rows.size() > 1);
    }

    Strategy.Step toStep(int index) {
      return new Strategy.Step(
          index + 1,
          bean.getDayOffset(),
          bean.getLevel(),
          bean.getAction(),
          bean.getTemplateKey().strip(),
          Boolean.TRUE.equals(bean.getNeedsRelease()));
    }
  }

  final TextField code = new TextField();
  final TextField name = new TextField();
  final DatePicker effectiveFrom = new DatePicker();
  final IntegerField rank = new IntegerField();
  final MultiSelectComboBox<RiskClass> riskClasses = new MultiSelectComboBox<>();
  final MultiSelectComboBox<CustomerType> customerTypes = new MultiSelectComboBox<>();
  final TextField minBalance = new TextField();
  final TextField maxBalance = new TextField();
  final Paragraph stepErrors = new Paragraph();
  final Button addStep = new Button();
  final List<StepRow> rows = new ArrayList<>();

  private final Binder<Header> binder = new Binder<>(Header.class);
  private final Header header = new Header();
  private final VerticalLayout stepList = new VerticalLayout();
  private final TreeSet<String> templates = new TreeSet<>();
  private final boolean newStrategy;

  /**
   * @param latest the latest version to start from (a new version of it), or empty for a new
   *     strategy
   * @param knownTemplates letter templates to offer (a lead may type another key)
   * @param takenCodes codes a new strategy may not take (the service would add a version to it)
   */
  public StrategyForm(
      Optional<Strategy> latest,
      LocalDate today,
      Collection<String> knownTemplates,
      Set<String> takenCodes) {
    this.newStrategy = latest.isEmpty();
    templates.addAll(knownTemplates);
    setPadding(false);
    setId("strategy-form");

    code.setId("strategy-code");
    code.setLabel(getTranslation("collections.editor.code"));
    code.setHelperText(getTranslation("collections.editor.codeHelp"));
    code.setMaxLength(40);
    code.setAllowedCharPattern("[A-Za-z0-9_]");
    code.setReadOnly(!newStrategy);
    name.setId("strategy-name");
    name.setLabel(getTranslation("collections.editor.name"));
    name.setMaxLength(200);
    name.setRequired(true);
    effectiveFrom.setId("strategy-from");
    effectiveFrom.setLabel(getTranslation("collections.from"));
    effectiveFrom.setHelperText(getTranslation("collections.editor.fromHelp"));
    effectiveFrom.setLocale(locale());
    effectiveFrom.setRequired(true);
    rank.setId("strategy-rank");
    rank.setLabel(getTranslation("collections.editor.rank"));
    rank.setHelperText(getTranslation("collections.editor.rankHelp"));
    rank.setMin(0);
    rank.setMax(10000);
    riskClasses.setId("strategy-risks");
    riskClasses.setLabel(getTranslation("collections.editor.risks"));
    riskClasses.setHelperText(getTranslation("collections.editor.anyIfEmpty"));
    riskClasses.setItems(RiskClass.values());
    riskClasses.setItemLabelGenerator(r -> getTranslation("collections.risk." + r.name()));
    customerTypes.setId("strategy-types");
    customerTypes.setLabel(getTranslation("collections.editor.types"));
    customerTypes.setHelperText(getTranslation("collections.editor.anyIfEmpty"));
    customerTypes.setItems(CustomerType.values());
    customerTypes.setItemLabelGenerator(t -> getTranslation("collections.type." + t.name()));
    for (TextField bound : List.of(minBalance, maxBalance)) {
      bound.setAllowedCharPattern("[0-9.]");
      bound.setHelperText(getTranslation("collections.editor.balanceHelp"));
    }
    minBalance.setId("strategy-min");
    minBalance.setLabel(getTranslation("collections.editor.minBalance"));
    maxBalance.setId("strategy-max");
    maxBalance.setLabel(getTranslation("collections.editor.maxBalance"));

    binder
        .forField(code)
        .asRequired(getTranslation("collections.editor.error.code"))
        .withConverter(c -> c.strip().toUpperCase(Locale.ROOT), c -> c == null ? "" : c)
        .withValidator(
            c -> c.matches("^[A-Z][A-Z0-9_]{1,39}$"),
            getTranslation("collections.editor.error.code"))
        .withValidator(
            c -> !newStrategy || !takenCodes.contains(c),
            getTranslation("collections.editor.error.codeTaken"))
        .bind("code");
    binder
        .forField(name)
        .asRequired(getTranslation("collections.editor.error.name"))
        .withValidator(
            n -> n.strip().length() <= 200, getTranslation("collections.editor.error.name"))
        .bind("name");
    binder
        .forField(effectiveFrom)
        .asRequired(getTranslation("collections.error.required"))
        .bind("effectiveFrom");
    binder
        .forField(rank)
        .asRequired(getTranslation("collections.editor.error.rank"))
        .withValidator(r -> r >= 0 && r <= 10000, getTranslation("collections.editor.error.rank"))
        .bind("rank");
    binder.forField(riskClasses).bind("riskClasses");
    binder.forField(customerTypes).bind("customerTypes");
    binder
        .forField(minBalance)
        .withConverter(Converter.from(t -> balance(t, null), StrategyForm::balanceText))
        .bind("minBalance");
    binder
        .forField(maxBalance)
        .withConverter(Converter.from(t -> balance(t, null), StrategyForm::balanceText))
        .withValidator(
            max -> {
              Result<BigDecimal> parsed = balance(minBalance.getValue(), null);
              BigDecimal min =
                  parsed.isError() ? null : parsed.getOrThrow(IllegalStateException::new);
              return max == null || min == null || max.compareTo(min) >= 0;
            },
            getTranslation("collections.editor.error.maxBalance"))
        .bind("maxBalance");

    latest.ifPresentOrElse(
        s -> {
          header.setCode(s.code());
          header.setName(s.name());
          header.setRank(s.rank());
          header.setRiskClasses(s.segment().riskClasses());
          header.setCustomerTypes(s.segment().customerTypes());
          header.setMinBalance(s.segment().minBalance());
          header.setMaxBalance(s.segment().maxBalance());
        },
        () -> header.setRank(100));
    header.setEffectiveFrom(today);
    binder.readBean(header);

    FormLayout facts =
        new FormLayout(
            name, code, effectiveFrom, rank, riskClasses, customerTypes, minBalance, maxBalance);
    facts.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("30em", 2),
        new FormLayout.ResponsiveStep("60em", 4));
    facts.setColspan(name, 2);

    stepList.setId("strategy-steps");
    stepList.setPadding(false);
    stepList.setSpacing(true);
    stepErrors.setId("strategy-step-errors");
    stepErrors.getElement().setAttribute("role", "alert");
    stepErrors
        .getStyle()
        .set("color", "var(--lumo-error-text-color)")
        .set("white-space", "pre-line")
        .set("margin", "0");
    addStep.setId("strategy-add-step");
    addStep.setText(getTranslation("collections.editor.addStep"));
    addStep.setIcon(VaadinIcon.PLUS.create());
    addStep.addClickListener(e -> addRow(nextStep()).days.focus());

    latest.ifPresentOrElse(
        s ->
            s.steps()
                .forEach(
                    step -> {
                      StepBean b = new StepBean();
                      b.setDayOffset(step.dayOffset());
                      b.setLevel(step.level());
                      b.setAction(step.action());
                      b.setTemplateKey(step.templateKey());
                      b.setNeedsRelease(step.needsRelease());
                      addRow(b);
                    }),
        () -> addRow(nextStep()));

    add(
        facts,
        new H2(getTranslation("collections.steps")),
        new Paragraph(getTranslation("collections.editor.stepsHelp")),
        stepList,
        stepErrors,
        addStep);
  }

  private static Set<String> letters() {
    ResourceBundle letters = ResourceBundle.getBundle("documents.dunning", Locale.ROOT);
    return letters.keySet().stream()
        .filter(k -> k.startsWith("title.") && !k.equals("title.default"))
        .map(k -> k.substring("title.".length()))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static Locale locale() {
    var ui = com.vaadin.flow.component.UI.getCurrent();
    return ui == null ? Locale.ENGLISH : ui.getLocale();
  }

  private Result<BigDecimal> balance(String text, com.vaadin.flow.data.binder.ValueContext c) {
    if (text == null || text.isBlank()) {
      return Result.ok(null);
    }
    try {
      BigDecimal value = Decimals.parse(text, Money.MAX_INTEGER_DIGITS, 2);
      return value.signum() < 0
          ? Result.error(getTranslation("collections.editor.error.balance"))
          : Result.ok(value);
    } catch (Decimals.Invalid e) {
      return Result.error(getTranslation("collections.editor.error.balance"));
    }
  }

  private static String balanceText(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  /** A new step after the last: ten days later, one level higher, a mail that a lead releases. */
  private StepBean nextStep() {
    StepBean b = new StepBean();
    int lastDay = -10;
    int lastLevel = -1;
    for (StepRow row : rows) {
      if (row.days.getValue() != null) {
        lastDay = Math.max(lastDay, row.days.getValue());
      }
      if (row.level.getValue() != null) {
        lastLevel = Math.max(lastLevel, row.level.getValue());
      }
    }
    b.setDayOffset(Math.min(StrategyCheck.LAST_DAY, lastDay + 10));
    b.setLevel(Math.min(StrategyCheck.MAX_LEVEL, lastLevel + 1));
    b.setTemplateKey(rows.isEmpty() ? "friendly" : "first_reminder");
    b.setNeedsRelease(!rows.isEmpty());
    return b;
  }

  private StepRow addRow(StepBean start) {
    StepRow row = new StepRow(start);
    rows.add(row);
    renumber();
    addStep.setEnabled(rows.size() < StrategyCheck.MAX_STEPS);
    return row;
  }

  private void removeRow(StepRow row) {
    if (rows.size() <= 1) {
      return;
    }
    int index = rows.indexOf(row);
    rows.remove(row);
    renumber();
    addStep.setEnabled(true);
    rows.get(Math.min(index, rows.size() - 1)).days.focus();
  }

  private void move(StepRow row, int by, Button pressed) {
    int from = rows.indexOf(row);
    int to = from + by;
    if (to < 0 || to >= rows.size()) {
      return;
    }
    rows.remove(from);
    rows.add(to, row);
    renumber();
    // the keyboard stays on the step it moved, or on its other arrow at the end of the list
    (pressed.isEnabled() ? pressed : by < 0 ? row.down : row.up).focus();
  }

  private void renumber() {
    stepList.removeAll();
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).number(i);
      stepList.add(rows.get(i).layout);
    }
  }

  /** Checks every field; when all hold, fires {@link SaveEvent} with the draft. */
  public void save() {
    clearErrors();
    boolean valid = binder.writeBeanIfValid(header);
    for (StepRow row : rows) {
      valid &= row.binder.writeBeanIfValid(row.bean);
    }
    if (!valid) {
      return;
    }
    List<Strategy.Step> steps = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      steps.add(rows.get(i).toStep(i));
    }
    FormEvents.fireSave(
        this,
        new StrategyDraft(
            header.getCode(),
            header.getName().strip(),
            header.getRank(),
            header.getRiskClasses(),
            header.getCustomerTypes(),
            header.getMinBalance(),
            header.getMaxBalance(),
            header.getEffectiveFrom(),
            steps));
  }

  private void clearErrors() {
    FieldErrors.clear(binder);
    rows.forEach(r -> FieldErrors.clear(r.binder));
    stepErrors.setText("");
  }

  /**
   * Shows the service's field errors on their fields in the user's words: a step's (named {@code
   * steps[i].field}) on that row, the list's own under the list; answers what no field took.
   */
  public List<String> showErrors(InvalidFields invalid) {
    clearErrors();
    List<FieldError> own = new ArrayList<>();
    Map<Integer, List<FieldError>> byRow = new LinkedHashMap<>();
    List<String> listMessages = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    for (FieldError error : invalid.toProblem().errors()) {
      String field = error.field() == null ? "" : error.field();
      Matcher step = STEP_FIELD.matcher(field);
      if (step.matches() && Integer.parseInt(step.group(1)) < rows.size()) {
        byRow
            .computeIfAbsent(Integer.parseInt(step.group(1)), i -> new ArrayList<>())
            .add(new FieldError(step.group(2), error.message()));
      } else if (field.equals("steps") || field.startsWith("steps[")) {
        listMessages.add(listMessage(error.message()));
      } else {
        own.add(error);
      }
    }
    unmatched.addAll(FieldErrors.show(binder, new InvalidFields(invalid.getMessage(), own)));
    own.forEach(e -> translate(binder, e.field(), e.message()));
    byRow.forEach(
        (index, errors) -> {
          StepRow row = rows.get(index);
          unmatched.addAll(
              FieldErrors.show(row.binder, new InvalidFields(invalid.getMessage(), errors)));
          errors.forEach(e -> translate(row.binder, e.field(), e.message()));
        });
    stepErrors.setText(String.join("\n", listMessages));
    return unmatched;
  }

  /** The service writes English; a field it marked gets the same rule in the user's language. */
  private void translate(Binder<?> on, String property, String serverMessage) {
    on.getBinding(property)
        .map(b -> b.getField() instanceof HasValidation v ? v : null)
        .filter(HasValidation::isInvalid)
        .ifPresent(
            field -> {
              String key =
                  property.equals("dayOffset") && serverMessage.contains("same day")
                      ? "collections.editor.error.dayTaken"
                      : property.equals("dayOffset")
                          ? "collections.editor.error.days"
                          : "collections.editor.error." + property;
              String text = getTranslation(key);
              field.setErrorMessage(
                  text.startsWith("!") || text.equals(key) ? serverMessage : text);
            });
  }

  private String listMessage(String serverMessage) {
    if (serverMessage.contains("higher level")) {
      return getTranslation("collections.editor.error.levelOrder");
    }
    if (serverMessage.contains("at most")) {
      return getTranslation("collections.editor.error.tooManySteps", StrategyCheck.MAX_STEPS);
    }
    if (serverMessage.contains("at least one")) {
      return getTranslation("collections.editor.error.noStep");
    }
    return serverMessage;
  }

  boolean isNewStrategy() {
    return newStrategy;
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent<StrategyDraft>> listener) {
    return FormEvents.onSave(this, listener);
  }
}
