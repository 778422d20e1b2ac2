package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void fieldErrorsRoundTripThroughJsonAsImportRunsStoreThem() throws Exception {
    List<Problem.FieldError> errors =
        List.of(
            new Problem.FieldError(3, "currency", "bad"),
            new Problem.FieldError("slug", "required"));
    Type listOfErrors =
        new ParameterizedType() {
          @Override
          public Type[] getActualTypeArguments() {
            return new Type[] {Problem.FieldError.class};
          }

          @Override
          public Type getRawType() {
            return List.class;
          }

          @Override
          public Type getOwnerType() {
            return null;
          }
        };
    try (Jsonb jsonb = JsonbBuilder.create()) {
      String json = jsonb.toJson(errors);
      assertEquals(
          "[{\"row\":3,\"field\":\"currency\",\"message\":\"bad\"},{\"field\":\"slug\",\"message\":\"required\"}]",
          json);
      assertEquals(errors, jsonb.fromJson(json, listOfErrors));
    }
  }
}
