package dev.plandev.defaults.cache;

import java.util.Optional;

/**
 * Values that every instance of the service shares through Redis under one key pattern and
 * lifetime, such as the ranking engine's models ({@code ml:model:{key}}) and usage statistics
 * ({@code stats:{key}}).
 *
 * <p>It is only a cache: when Redis is off, down or failing, {@code get} finds nothing and {@code
 * put} does nothing, without an error.
 */
public interface SharedValues {

  /** The value stored under the name, if Redis has it. */
  Optional<byte[]> get(String name);

  /** Stores a value under the name for the configured lifetime. */
  void put(String name, byte[] value);

  /** Removes the value stored under the name. */
  void remove(String name);
}
