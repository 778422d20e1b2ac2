package com.bpo.portal.credit;

import jakarta.xml.bind.SchemaOutputResolver;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Checks a {@code pain.001.001.03} document against the W3C schema of Prowide's model of the
 * message (generated from the ISO 20022 definition): element names, order, cardinality and data
 * types (dates, date-times, decimals), and that every element is in the message's namespace. The
 * model keeps the message's types outside the namespace (Prowide qualifies them when it writes), so
 * the check first confirms the namespace, then validates the elements below the root as the model
 * declares them. It does not hold the ISO facets (text lengths such as {@code Max35Text}, code
 * lists such as {@code PaymentMethod3Code}, the IBAN pattern): {@link CreditTransferFile} writes
 * fixed codes and cuts texts, and {@link Iban} checks accounts. The official XSD file is not in any
 * package reachable from this project.
 */
public final class CreditTransferSchema {
  public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
  private static volatile Schema schema;

  private CreditTransferSchema() {}

  /** Empty if the document is valid, otherwise the first complaint. */
  public static Optional<String> problem(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      Document document =
          factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
      Element root = document.getDocumentElement();
      if (!NAMESPACE.equals(root.getNamespaceURI()) || !"Document".equals(root.getLocalName())) {
        return Optional.of("The root element is not a pain.001.001.03 Document");
      }
      Optional<String> outside = unqualify(root, true);
      if (outside.isPresent()) {
        return outside;
      }
      schema().newValidator().validate(new DOMSource(document));
      return Optional.empty();
    } catch (SAXException e) {
      return Optional.of(e.getMessage());
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every element below the root must be in the namespace; renamed to none, as the model's types
   * are.
   */
  private static Optional<String> unqualify(Element element, boolean root) {
    if (!NAMESPACE.equals(element.getNamespaceURI())) {
      return Optional.of(
          "Element " + element.getTagName() + " is outside the pain.001.001.03 namespace");
    }
    Element current =
        root
            ? element
            : (Element)
                element.getOwnerDocument().renameNode(element, null, element.getLocalName());
    for (Node child = current.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        Optional<String> problem = unqualify(e, false);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  static Schema schema() {
    if (schema == null) {
      synchronized (CreditTransferSchema.class) {
        if (schema == null) {
          schema = generate();
        }
      }
    }
    return schema;
  }

  private static Schema generate() {
    try {
      Map<String, StringWriter> files = new LinkedHashMap<>();
      CreditTransferFile.context()
          .generateSchema(
              new SchemaOutputResolver() {
                @Override
                public javax.xml.transform.Result createOutput(
                    String namespace, String suggestedName) {
                  StringWriter out = new StringWriter();
                  files.put(suggestedName, out);
                  StreamResult result = new StreamResult(out);
                  result.setSystemId(suggestedName);
                  return result;
                }
              });
      DOMImplementationLS ls =
          (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setResourceResolver(
          (type, namespace, publicId, systemId, base) -> {
            StringWriter text =
                systemId == null
                    ? null
                    : files.get(systemId.substring(systemId.lastIndexOf('/') + 1));
            if (text == null) {
              return null;
            }
            LSInput input = ls.createLSInput();
            input.setStringData(text.toString());
            input.setSystemId(systemId);
            return input;
          });
      String main =
          files.keySet().stream()
              .filter(
                  name ->
                      files.get(name).toString().contains("targetNamespace=\"" + NAMESPACE + "\""))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no schema for " + NAMESPACE));
      StreamSource source = new StreamSource(new StringReader(files.get(main).toString()));
      source.setSystemId(main);
      return factory.newSchema(source);
    } catch (IOException | SAXException | ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build the pain.001 schema", e);
    }
  }
}
