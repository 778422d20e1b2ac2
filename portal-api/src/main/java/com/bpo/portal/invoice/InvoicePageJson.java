package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes a page of the invoice list, the API's most frequent answer, straight to a JSON-P
 * generator. JSON-B (Yasson) spent about a sixth of the server's CPU on a first page: per object it
 * looks up serializers, checks for cycles by putting every record (so every nested record's {@code
 * hashCode}, over all its fields) into a set, and adapts each amount. The text written is the one
 * JSON-B writes for the same page, byte for byte: properties in JSON-B's default (lexicographic)
 * order, null fields of a row left out, the page's {@code next} written even when null ({@link
 * Page} is {@code @JsonbNillable}), amounts as decimal strings ({@link Money}), dates in ISO form.
 * {@code InvoicePageJsonTest} compares the two on random pages, so a field added to {@link
 * InvoiceSummary} without being added here fails the build.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class InvoicePageJson implements MessageBodyWriter<Page<InvoiceSummary>> {
  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == Page.class
        && genericType instanceof ParameterizedType p
        && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] == InvoiceSummary.class;
  }

  @Override
  public void writeTo(
      Page<InvoiceSummary> page,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream out) {
    write(page, out);
  }

  /** The page as JSON on {@code out} (UTF-8); the stream is left open. */
  static void write(Page<InvoiceSummary> page, OutputStream out) {
    JsonGenerator json = GENERATORS.createGenerator(new Unclosed(out));
    json.writeStartObject();
    if (page.items() == null) {
      json.writeNull("items");
    } else {
      json.writeStartArray("items");
      for (InvoiceSummary row : page.items()) {
        row(json, row);
      }
      json.writeEnd();
    }
    if (page.next() == null) {
      json.writeNull("next");
    } else {
      json.write("next", page.next());
    }
    json.writeEnd();
    json.close();
  }

  // the order is JSON-B's default: the properties' names sorted
  private static void row(JsonGenerator json, InvoiceSummary row) {
    json.writeStartObject();
    number(json, "customerId", row.customerId());
    text(json, "customerName", row.customerName());
    text(json, "customerNumber", row.customerNumber());
    date(json, "dueDate", row.dueDate());
    number(json, "id", row.id());
    date(json, "issueDate", row.issueDate());
    text(json, "number", row.number());
    money(json, "open", row.open());
    text(json, "status", row.status() == null ? null : row.status().name());
    money(json, "total", row.total());
    json.writeEnd();
  }

  private static void number(JsonGenerator json, String name, Long value) {
    if (value != null) {
      json.write(name, value.longValue());
    }
  }

  private static void text(JsonGenerator json, String name, String value) {
    if (value != null) {
      json.write(name, value);
    }
  }

  private static void date(JsonGenerator json, String name, LocalDate value) {
    if (value != null) {
      json.write(name, value.toString());
    }
  }

  private static void money(JsonGenerator json, String name, Money value) {
    if (value != null) {
      json.writeStartObject(name);
      json.write("amount", value.amount().toPlainString());
      json.write("currency", value.currency());
      json.writeEnd();
    }
  }

  /** The container closes the response's stream, not the generator. */
  private static final class Unclosed extends java.io.FilterOutputStream {
    Unclosed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws java.io.IOException {
      flush();
    }
  }
}
