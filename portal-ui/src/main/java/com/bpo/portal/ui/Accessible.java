package com.bpo.portal.ui;

import com.vaadin.flow.component.grid.Grid;

/** Fixes for what axe-core finds in Vaadin's own components, one place for each. */
public final class Accessible {
  private Accessible() {}

  /**
   * The checkboxes of a multi-select grid's selection column come without a name (axe: "label",
   * critical). Each row's checkbox is named after the row's first cell, as rows are rendered.
   */
  public static void nameSelectionCheckboxes(Grid<?> grid, String selectRow, String selectAll) {
    grid.getElement()
        .executeJs(
            """
        const grid = this;
        const name = () => grid.querySelectorAll('vaadin-checkbox').forEach(box => {
          const input = box.querySelector('input');
          if (!input) return;
          const content = box.closest('vaadin-grid-cell-content');
          const row = content && content.assignedSlot && content.assignedSlot.parentElement
              && content.assignedSlot.parentElement.parentElement;
          const first = row && row.querySelector('td:nth-child(2) slot');
          const text = first && first.assignedNodes().map(n => n.textContent).join('').trim();
          const label = row && row.parentElement && row.parentElement.localName === 'thead' ? $1
              : text ? $0 + ': ' + text : $0;
          if (input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label);
        });
        new MutationObserver(name).observe(grid, {subtree: true, childList: true, characterData: true});
        name();""",
            selectRow,
            selectAll);
  }
}
