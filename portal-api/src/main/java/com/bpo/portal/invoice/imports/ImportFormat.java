package com.bpo.portal.invoice.imports;

/**
 * How an upload's rows are written: CSV with a header row (people, spreadsheets), or JSON lines,
 * one object per row (connectors); the same columns and rules either way (docs/IMPORT.md).
 */
public enum ImportFormat {
  CSV,
  JSON_LINES
}
