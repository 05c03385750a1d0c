package io.deform4j.report;

import io.deform4j.mapping.Vdm;
import io.deform4j.naming.Suggestions;
import io.deform4j.sweep.SweepSpec;
import io.deform4j.train.TrainConfig;
import java.util.Map;

/**
 * The layouts of the paper's Tables 1–3, each read from the sweep preset of the same name
 * ({@link SweepSpec#PAPER_TABLES}), the one place that says which runs the table holds: its rows,
 * columns, their order and each model's mapping come from the preset's cells.
 */
public final class PaperLayouts {

    private PaperLayouts() {
    }

    /**
     * The layout of preset {@code name}: {@code table1} ({@link Table1Layout}), {@code table2} or
     * {@code table3} ({@link PairedLayout}).
     *
     * @throws IllegalArgumentException for another name, suggesting the closest
     */
    public static Layout of(String name) {
        if (!SweepSpec.PAPER_TABLES.contains(name)) {
            throw Suggestions.unknown("preset", name, SweepSpec.PAPER_TABLES);
        }
        SweepSpec spec = SweepSpec.load(name);
        return switch (name) {
            case "table1" -> new Table1Layout(spec);
            case "table2" -> new PairedLayout(spec, true, "Table 2: CIFAR-10 and CIFAR-100, original and deformed "
                    + "[mapping]");
            case "table3" -> new PairedLayout(spec, false, "Table 3: ImageNet, original and deformed [mapping]");
            default -> throw new IllegalStateException("no layout for preset " + name);
        };
    }

    /**
     * A setting of a preset's cell (from the cell, else the preset's base, else its default), the
     * vdm in the spelling of a run's record ({@code TrainConfig} writes the parsed mapping).
     */
    static Object setting(SweepSpec spec, Map<String, Object> cell, String name) {
        Object value = cell.containsKey(name) ? cell.get(name)
                : spec.base().containsKey(name) ? spec.base().get(name) : TrainConfig.SCHEMA.entry(name).defaultValue();
        return name.equals("vdm") ? Vdm.parse((String) value).toString() : value;
    }
}
