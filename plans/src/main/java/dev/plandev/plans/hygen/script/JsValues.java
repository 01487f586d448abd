package dev.plandev.plans.hygen.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/** Conversions between Java values and the JavaScript engine's. */
final class JsValues {
  private JsValues() {}

  static Object toJs(Context cx, Scriptable scope, Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Scriptable
        || value instanceof Callable) {
      return value;
    }
    if (value instanceof Number n) {
      return n instanceof Integer || n instanceof Double ? n : n.doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Scriptable object = cx.newObject(scope);
      map.forEach(
          (k, v) -> ScriptableObject.putProperty(object, String.valueOf(k), toJs(cx, scope, v)));
      return object;
    }
    if (value instanceof List<?> list) {
      Object[] items = new Object[list.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = toJs(cx, scope, list.get(i));
      }
      return cx.newArray(scope, items);
    }
    return value.toString();
  }

  static Object toJava(Object value) {
    if (value == null || value instanceof Undefined || value == Scriptable.NOT_FOUND) {
      return null;
    }
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (value instanceof NativeArray array) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < array.getLength(); i++) {
        list.add(toJava(array.get(i, array)));
      }
      return list;
    }
    if (value instanceof Callable) {
      return value;
    }
    if (value instanceof ScriptableObject object && "Object".equals(object.getClassName())) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Object id : object.getIds()) {
        String key = String.valueOf(id);
        map.put(key, toJava(ScriptableObject.getProperty(object, key)));
      }
      return map;
    }
    if (value instanceof Scriptable other) {
      return Context.toString(other);
    }
    return value;
  }
}
