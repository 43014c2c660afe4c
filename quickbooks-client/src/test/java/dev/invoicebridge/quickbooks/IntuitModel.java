package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.module.jaxb.JaxbAnnotationIntrospector;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlElementRef;

/**
 * Intuit's official entity model (ipp-v3-java-data, JAXB classes generated from Intuit's XSD), read
 * the way Intuit's devkit reads JSON: Jackson 2 with the JAXB annotation introspector. Strict: an
 * unknown property fails, and so does a required element or attribute that is missing.
 */
final class IntuitModel {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .annotationIntrospector(
              AnnotationIntrospector.pair(
                  new JaxbAnnotationIntrospector(TypeFactory.defaultInstance()),
                  new JacksonAnnotationIntrospector()))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private IntuitModel() {}

  /**
   * Reads {@code json} as {@code type} strictly (an unknown property or enum value fails), then
   * checks the XSD's own required flags. Those flags are all false for the entities this client
   * uses (see {@link IntuitRequired}); {@link IntuitContract} adds the documented requirements.
   */
  static <T> T readStrict(String json, Class<T> type) {
    try {
      T value = MAPPER.readValue(json, type);
      List<String> missing = new ArrayList<>();
      missingRequired(value, type.getSimpleName(), missing, new HashSet<>());
      assertThat(missing).as("required properties missing in " + json).isEmpty();
      return value;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new AssertionError(
          "Intuit's " + type.getSimpleName() + " rejects: " + e.getMessage(), e);
    }
  }

  /**
   * {@link #readStrict} plus the properties Intuit's reference requires of {@code type} in {@code
   * role}.
   */
  static <T> T read(String json, Class<T> type, IntuitRequired.Role role) {
    T value = readStrict(json, type);
    List<String> missing = IntuitRequired.missing(type.getSimpleName(), role, tree(json));
    assertThat(missing).as("required by Intuit's reference, missing in " + json).isEmpty();
    return value;
  }

  /** The XSD's required flags on every element and attribute {@code type} declares. */
  static List<String> xsdRequired(Class<?> type) {
    List<String> required = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        XmlElement e = f.getAnnotation(XmlElement.class);
        XmlAttribute a = f.getAnnotation(XmlAttribute.class);
        if ((e != null && e.required()) || (a != null && a.required())) {
          required.add(f.getName());
        }
      }
    }
    return required;
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new AssertionError(e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new AssertionError(e);
    }
  }

  /** The XML (and so JSON) names a JAXB class declares, including inherited ones. */
  static Set<String> names(Class<?> type) {
    Set<String> names = new HashSet<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        XmlElement e = f.getAnnotation(XmlElement.class);
        XmlAttribute a = f.getAnnotation(XmlAttribute.class);
        XmlElementRef r = f.getAnnotation(XmlElementRef.class);
        if (e != null) {
          names.add(e.name().equals("##default") ? f.getName() : e.name());
        } else if (a != null) {
          names.add(a.name().equals("##default") ? f.getName() : a.name());
        } else if (r != null) {
          names.add(r.name());
        }
      }
    }
    return names;
  }

  private static void missingRequired(
      Object value, String path, List<String> missing, Set<Object> seen) {
    if (value == null
        || value instanceof Enum<?>
        || !value.getClass().getName().startsWith("com.intuit.ipp.data")
        || !seen.add(value)) {
      return;
    }
    for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        Object v;
        try {
          v = f.get(value);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
        XmlElement e = f.getAnnotation(XmlElement.class);
        XmlAttribute a = f.getAnnotation(XmlAttribute.class);
        boolean required = (e != null && e.required()) || (a != null && a.required());
        if (required && (v == null || (v instanceof Collection<?> list && list.isEmpty()))) {
          missing.add(path + "." + f.getName());
        }
        if (v instanceof Collection<?> list) {
          int i = 0;
          for (Object item : list) {
            missingRequired(item, path + "." + f.getName() + "[" + i++ + "]", missing, seen);
          }
        } else {
          missingRequired(v, path + "." + f.getName(), missing, seen);
        }
      }
    }
  }
}
