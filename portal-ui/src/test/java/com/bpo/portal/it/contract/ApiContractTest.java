package com.bpo.portal.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract check itself, on a small document: what it lets through and what it refuses. */
class ApiContractTest {
  static final String DOCUMENT =
      """
      {"openapi": "3.1.0",
       "paths": {
         "/api/v1/invoices/{id}": {"get": {"responses": {
           "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Invoice"}}}},
           "default": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
         "/api/v1/invoices/summary": {"get": {"responses": {
           "200": {"content": {"application/json": {"schema": {"type": "object",
             "properties": {"count": {"type": "integer"}}}}}}}}},
         "/api/v1/labels": {"get": {"responses": {
           "200": {"content": {"application/json": {"schema": {"type": "object",
             "properties": {"locale": {"type": "string"}},
             "additionalProperties": {"type": "string"}}}}}}}}},
       "components": {"schemas": {
         "Invoice": {"type": "object", "required": ["id", "status"], "properties": {
           "id": {"type": "integer", "format": "int64"},
           "status": {"type": "string", "enum": ["OPEN", "PAID"]},
           "total": {"$ref": "#/components/schemas/Money"}}},
         "Money": {"type": "object", "properties": {"amount": {"type": "string"}, "currency": {"type": "string"}}},
         "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}}}}
      """;

  final ApiContract contract = ApiContract.of(DOCUMENT);

  List<String> answer(int status, String contentType, String body) {
    return contract.violations("GET", "/api/v1/invoices/7", status, contentType, body);
  }

  @Test
  void anAnswerAsDocumentedPasses() {
    assertEquals(
        List.of(),
        answer(
            200,
            "application/json",
            "{\"id\": 7, \"status\": \"OPEN\", \"total\": {\"amount\": \"1.50\", \"currency\": \"EUR\"}}"));
  }

  @Test
  void aFieldTheDocumentDoesNotDescribeFails() {
    List<String> violations =
        answer(200, "application/json", "{\"id\": 7, \"status\": \"OPEN\", \"secret\": 1}");
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("secret"), violations.toString());
    assertTrue(violations.get(0).startsWith("GET /api/v1/invoices/{id} 200"), violations.get(0));
  }

  @Test
  void anUndescribedFieldInsideAReferencedSchemaFails() {
    assertTrue(
        answer(
                200,
                "application/json",
                "{\"id\": 7, \"status\": \"OPEN\", \"total\": {\"amount\": \"1\", \"rate\": 2}}")
            .toString()
            .contains("rate"));
  }

  @Test
  void aWrongTypeAMissingRequiredFieldAndAValueOutsideTheEnumFail() {
    assertTrue(!answer(200, "application/json", "{\"id\": \"7\", \"status\": \"OPEN\"}").isEmpty());
    assertTrue(!answer(200, "application/json", "{\"id\": 7}").isEmpty());
    assertTrue(!answer(200, "application/json", "{\"id\": 7, \"status\": \"LOST\"}").isEmpty());
  }

  @Test
  void anErrorIsHeldToTheDefaultResponse() {
    assertEquals(
        List.of(), answer(404, "application/problem+json", "{\"type\": \"x\", \"status\": 404}"));
    assertTrue(
        !answer(404, "application/problem+json", "{\"type\": \"x\", \"stack\": \"...\"}")
            .isEmpty());
    // a refusal written as plain JSON by the application fails; Liberty's own refusal of a
    // malformed request URI (before the application) is listed as a gap
    assertTrue(!answer(404, "application/json", "{\"type\": \"x\"}").isEmpty());
    assertEquals(
        List.of(),
        answer(
            400,
            "application/json",
            "{\"error_message\" : \"CWWWC0005I: The request URI has invalid or improperly encoded"
                + " characters: [/api/v1/invoices/&#37;00]\"}"));
    assertTrue(
        ApiContract.GAPS.contains(
            "GET /api/v1/invoices/{id} 400 refused by Liberty before the application (CWWWC0005I)"),
        ApiContract.GAPS.toString());
  }

  @Test
  void aLiteralPathWinsOverATemplateAndUndocumentedCallsAreNotJudged() {
    assertEquals(
        List.of(),
        contract.violations(
            "GET", "/api/v1/invoices/summary", 200, "application/json", "{\"count\": 3}"));
    assertEquals(
        List.of(), contract.violations("GET", "/api/v1/nowhere", 200, "application/json", "{}"));
    assertEquals(
        List.of(), contract.violations("DELETE", "/api/v1/invoices/7", 200, "text/plain", "x"));
    assertEquals(List.of(), answer(200, "text/csv", "a,b"));
  }

  @Test
  void aSuccessTheOperationDoesNotDescribeIsListedAsAGapNotPassedOffAsChecked() {
    // 201 is not documented for the GET: only 'default' (problem+json) would match it
    assertEquals(List.of(), answer(201, "application/json", "{\"anything\": true}"));
    assertTrue(
        ApiContract.GAPS.contains("GET /api/v1/invoices/{id} 201"), ApiContract.GAPS.toString());
    // a documented success is still held to its schema
    assertTrue(
        !answer(200, "application/json", "{\"id\": 7, \"status\": \"OPEN\", \"x\": 1}").isEmpty());
  }

  @Test
  void anAbsentValueWrittenAsNullIsNotHeldToTheSchemaButAPresentOneIs() {
    assertEquals(
        List.of(),
        answer(200, "application/json", "{\"id\": 7, \"status\": \"OPEN\", \"total\": null}"));
    assertTrue(
        !answer(200, "application/json", "{\"id\": 7, \"status\": \"OPEN\", \"total\": 3}")
            .isEmpty());
  }

  @Test
  void aStatusTheOperationDoesNotListFailsWhereItHasNoDefault() {
    List<String> violations =
        contract.violations("GET", "/api/v1/invoices/summary", 404, "application/json", "{}");
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(
        violations.get(0).contains("a status the document does not list"), violations.toString());
  }

  @Test
  void aMediaTypeTheDocumentDoesNotGiveFails() {
    List<String> violations =
        answer(200, "application/problem+json", "{\"id\": 7, \"status\": \"OPEN\"}");
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("application/problem+json"), violations.toString());
  }

  @Test
  void aBodyThatIsNotJsonFails() {
    List<String> violations = answer(200, "application/json", "<html>oops</html>");
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("not JSON"), violations.toString());
  }

  @Test
  void anInlineSchemaIsClosedToo() {
    List<String> violations =
        contract.violations(
            "GET",
            "/api/v1/invoices/summary",
            200,
            "application/json",
            "{\"count\": 3, \"debug\": true}");
    assertTrue(violations.toString().contains("debug"), violations.toString());
  }

  @Test
  void aSchemaThatSaysWhatOtherPropertiesMayBeIsNotClosed() {
    assertEquals(
        List.of(),
        contract.violations(
            "GET",
            "/api/v1/labels",
            200,
            "application/json",
            "{\"locale\": \"fr\", \"home.title\": \"Accueil\"}"));
    assertTrue(
        !contract
            .violations("GET", "/api/v1/labels", 200, "application/json", "{\"home.title\": 3}")
            .isEmpty());
  }
}
