package io.deform4j.sweep;

import io.deform4j.train.TrainConfig;
import java.util.Map;

/**
 * One run of a sweep.
 *
 * @param name     its directory's name, made from the settings that vary across the sweep
 * @param settings the settings the spec gives it (base, cell and grid values), name → value
 * @param config   the resolved configuration it trains with
 */
public record SweepRun(String name, Map<String, Object> settings, TrainConfig config) {
}
