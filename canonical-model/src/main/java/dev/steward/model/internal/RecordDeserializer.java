package dev.steward.model.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonSetter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Binds a canonical record by reading each property straight into its canonical constructor's
 * argument array.
 *
 * <p>Canonical records have one shape only: their components, no setters, no aliases, no
 * defaults. Jackson 3's general property-based creator path buffers every property and, on Java
 * 17, invokes each creator through {@code MethodHandle.invokeWithArguments}, which builds a
 * spreader per call; for a billing document with dozens of nested records that dominated
 * binding. This deserializer keeps Jackson's value deserializers for every component (so ids,
 * money, dates, lists and polymorphic terms bind exactly as before) and replaces only the
 * record assembly. It applies to records of the canonical model that declare no deserializer of
 * their own.
 */
public final class RecordDeserializer extends ValueDeserializer<Object> {
  private final Class<?> type;
  private final ValueDeserializer<?> general;
  private final RecordComponent[] components;
  private final Map<String, Integer> index = new HashMap<>();
  private final MethodHandle constructor;
  private ValueDeserializer<Object>[] deserializers;
  private @Nullable TypeDeserializer[] typeDeserializers;
  private boolean standardNulls;

  @SuppressWarnings("unchecked")
  private RecordDeserializer(Class<?> type, ValueDeserializer<?> general) {
    this.type = type;
    this.general = general;
    this.components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      index.put(components[i].getName(), i);
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      this.constructor =
          MethodHandles.publicLookup()
              .unreflectConstructor(canonical)
              .asSpreader(Object[].class, components.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("record " + type.getName() + " has no public canonical constructor", e);
    }
    this.deserializers = (ValueDeserializer<Object>[]) new ValueDeserializer<?>[components.length];
    this.typeDeserializers = new TypeDeserializer[components.length];
  }

  /** Returns a module that installs this deserializer for the canonical model's records. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("steward-canonical-records");
    module.setDeserializerModifier(
        new ValueDeserializerModifier() {
          private static final long serialVersionUID = 1L;

          @Override
          public ValueDeserializer<?> modifyDeserializer(
              DeserializationConfig config, BeanDescription.Supplier bean, ValueDeserializer<?> deserializer) {
            Class<?> c = bean.getBeanClass();
            return c.isRecord()
                    && java.lang.reflect.Modifier.isPublic(c.getModifiers())
                    && c.getPackageName().startsWith("dev.steward.model")
                    && deserializer instanceof BeanDeserializerBase
                ? new RecordDeserializer(c, deserializer)
                : deserializer;
          }
        });
    return module;
  }

  @Override
  public void resolve(DeserializationContext ctxt) {
    general.resolve(ctxt);
    DeserializationConfig config = ctxt.getConfig();
    standardNulls =
        config.getDefaultNullHandling().equals(JsonSetter.Value.empty())
            && (config.getConfigOverride(type).getNullHandling() == null
                || config.getConfigOverride(type).getNullHandling().equals(JsonSetter.Value.empty()));
    for (int i = 0; i < components.length; i++) {
      JavaType t = ctxt.constructType(components[i].getGenericType());
      deserializers[i] = ctxt.findContextualValueDeserializer(t, null);
      typeDeserializers[i] = ctxt.findTypeDeserializer(t);
    }
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
    JsonToken token = p.currentToken();
    // A host's mapper may ask for what canonical JSON never needs: unwrapped arrays, failing on
    // null or missing creator properties, other null handling. Jackson's own path honours it.
    if (token == JsonToken.START_ARRAY
        || !standardNulls
        || ctxt.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        || ctxt.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)) {
      return general.deserialize(p, ctxt);
    }
    if (token == JsonToken.START_OBJECT) {
      token = p.nextToken();
    } else if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT) {
      return ctxt.handleUnexpectedToken(type, p);
    }
    Object[] args = new Object[components.length];
    int expected = 0;
    for (; token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      // Canonical JSON lists properties in declaration order, so the next component is
      // almost always the one named; the map serves any other order.
      Integer i;
      if (expected < components.length && components[expected].getName().equals(name)) {
        i = expected;
      } else {
        i = index.get(name);
        if (i == null) {
          ctxt.handleUnknownProperty(p, this, type, name);
          continue;
        }
      }
      expected = i + 1;
      try {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          args[i] = deserializers[i].getNullValue(ctxt);
        } else {
          TypeDeserializer typed = typeDeserializers[i];
          args[i] =
              typed == null ? deserializers[i].deserialize(p, ctxt) : deserializers[i].deserializeWithType(p, ctxt, typed);
        }
      } catch (JacksonException e) {
        throw DatabindException.wrapWithPath(ctxt, e, new JacksonException.Reference(type, name));
      } catch (RuntimeException e) {
        throw DatabindException.wrapWithPath(
            ctxt, DatabindException.from(p, e.getMessage(), e), new JacksonException.Reference(type, name));
      }
    }
    for (int i = 0; i < components.length; i++) {
      if (args[i] == null && components[i].getType().isPrimitive()) {
        throw DatabindException.from(p, "missing property '" + components[i].getName() + "' of " + type.getSimpleName());
      }
    }
    try {
      return constructor.invokeExact(args);
    } catch (RuntimeException | Error e) {
      throw DatabindException.from(p, "cannot create " + type.getSimpleName() + ": " + e.getMessage(), e);
    } catch (Throwable e) {
      throw DatabindException.from(p, "cannot create " + type.getSimpleName() + ": " + e, e);
    }
  }

  @Override
  public Class<?> handledType() {
    return type;
  }

  @Override
  public boolean isCachable() {
    return true; // built once per record type and mapper, as Jackson's own bean deserializers are
  }
}
