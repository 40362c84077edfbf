package dev.steward.testkit.simulated;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityMeta;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Copies and compares canonical records component by component, for the few places a simulated
 * system needs it (attaching its external reference on read, checking which fields an update of a
 * locked record touches). Reflective, so one implementation serves every record type; the shapes
 * are looked up once per class.
 */
final class RecordShapes {
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return new Shape(type);
    }
  };

  private RecordShapes() {}

  /** Returns {@code record} with {@code meta} in place of its own. */
  static <T extends CanonicalEntity> T withMeta(T record, EntityMeta meta) {
    Shape shape = SHAPES.get(record.getClass());
    Object[] values = shape.values(record);
    values[shape.metaIndex] = meta;
    return shape.construct(record, values);
  }

  /**
   * Returns the names of the components whose values differ between {@code a} and {@code b}, two
   * records of the same class, leaving out {@code ignored}.
   */
  static Set<String> differences(CanonicalEntity a, CanonicalEntity b, Set<String> ignored) {
    if (a.getClass() != b.getClass()) {
      throw new IllegalArgumentException("cannot compare a " + a.getClass().getSimpleName() + " with a "
          + b.getClass().getSimpleName());
    }
    Shape shape = SHAPES.get(a.getClass());
    Object[] left = shape.values(a);
    Object[] right = shape.values(b);
    Set<String> differ = new TreeSet<>();
    for (int i = 0; i < left.length; i++) {
      String name = shape.names[i];
      if (!ignored.contains(name) && !Objects.equals(left[i], right[i])) {
        differ.add(name);
      }
    }
    return differ;
  }

  private static final class Shape {
    final String[] names;
    final Method[] accessors;
    final Constructor<?> constructor;
    final int metaIndex;

    Shape(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      if (components == null) {
        throw new IllegalArgumentException(type.getName() + " is not a record");
      }
      names = new String[components.length];
      accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      int meta = -1;
      for (int i = 0; i < components.length; i++) {
        names[i] = components[i].getName();
        accessors[i] = components[i].getAccessor();
        types[i] = components[i].getType();
        if (names[i].equals("meta") && types[i] == EntityMeta.class) {
          meta = i;
        }
      }
      if (meta < 0) {
        throw new IllegalArgumentException(type.getName() + " has no meta component");
      }
      metaIndex = meta;
      try {
        constructor = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
      }
    }

    Object[] values(Object record) {
      Object[] values = new Object[accessors.length];
      try {
        for (int i = 0; i < accessors.length; i++) {
          values[i] = accessors[i].invoke(record);
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read the components of " + record.getClass().getName(), e);
      }
      return values;
    }

    <T> T construct(T like, Object[] values) {
      try {
        @SuppressWarnings("unchecked")
        T copy = (T) constructor.newInstance(values);
        return copy;
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot copy a " + like.getClass().getName(), e);
      }
    }
  }
}
