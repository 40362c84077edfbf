package dev.steward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Helpers the canonical model's tests share: one Bean Validation {@link Validator}, test
 * resources, violations as JSON Pointers, and catching the exception a call must throw.
 */
final class ModelTestSupport {
  private ModelTestSupport() {}

  /**
   * Built on first use, once for the test JVM, and never closed: a factory is costly to build, its
   * validator is thread-safe, and it holds nothing that outlives the JVM.
   */
  private static final class Validators {
    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
  }

  /** The Bean Validation validator every test shares. */
  static Validator validator() {
    return Validators.VALIDATOR;
  }

  /**
   * Whether schemas must list {@code c} as required: a primitive, a {@code @NotNull},
   * {@code @NotBlank} or {@code @NotEmpty}, or a collection or map of {@code @Size(min > 0)}.
   */
  static boolean mandatory(RecordComponent c) {
    // Bean Validation annotations do not target record components; they land on the field.
    Field f;
    try {
      f = c.getDeclaringRecord().getDeclaredField(c.getName());
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
    if (f.getType().isPrimitive()) {
      return true;
    }
    if (f.isAnnotationPresent(NotNull.class) || f.isAnnotationPresent(NotBlank.class) || f.isAnnotationPresent(NotEmpty.class)) {
      return true;
    }
    Size size = f.getAnnotation(Size.class);
    boolean container = Collection.class.isAssignableFrom(f.getType()) || Map.class.isAssignableFrom(f.getType());
    return container && size != null && size.min() > 0;
  }

  /** Where each violation is, as a JSON Pointer, sorted. */
  static List<String> pointers(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream().map(v -> JsonPointers.of(v.getPropertyPath())).sorted().toList();
  }

  /** Each violation as {@code pointer: message}, sorted. */
  static List<String> described(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream().map(v -> JsonPointers.of(v.getPropertyPath()) + ": " + v.getMessage()).sorted().toList();
  }

  /** The bytes of a test resource; a missing one fails the test. */
  static byte[] resource(String name) {
    try (InputStream in = openResource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a test resource, which the caller closes; a missing one fails the test. */
  static InputStream openResource(String name) {
    InputStream in = ModelTestSupport.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new AssertionError("missing test resource " + name);
    }
    return in;
  }

  /** Rebuilds a tree with every object's properties in reverse order. */
  static JsonNode reversed(JsonNode node) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (int i = entries.size() - 1; i >= 0; i--) {
        out.set(entries.get(i).getKey(), reversed(entries.get(i).getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode element : node) {
        out.add(reversed(element));
      }
      return out;
    }
    return node;
  }

  /** Runs {@code call}, asserts that it threw a {@link ModelException}, and returns it. */
  static ModelException modelFailure(ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).isInstanceOf(ModelException.class);
    return (ModelException) t;
  }

  /** Runs {@code call}, asserts that it threw a {@link CanonicalJsonException}, and returns it. */
  static CanonicalJsonException jsonFailure(ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).isInstanceOf(CanonicalJsonException.class);
    return (CanonicalJsonException) t;
  }
}
