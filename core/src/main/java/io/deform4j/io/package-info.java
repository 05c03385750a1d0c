/**
 * Every file deform4j writes goes through here: {@link io.deform4j.io.AtomicFiles} (atomic,
 * durable replacement; one durable append), {@link io.deform4j.io.Json} (the one JSON
 * configuration: snake_case, {@code format_version}) and {@link io.deform4j.io.Csv} (the one CSV
 * configuration: a record class per file, snake_case header, cut last line tolerated).
 */
package io.deform4j.io;
