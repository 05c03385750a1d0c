package io.deform4j.report;

import io.deform4j.settings.SettingsSchema;
import io.deform4j.sweep.SweepSpec;
import java.util.List;
import java.util.Map;

/**
 * Table 1 of the paper: one column, a row per learning rate of the original model labelled as a
 * multiple of η (0.5η … 5η), then a row per mapping trained at η, in the preset's order. η is the
 * learning rate of the preset's mappings (0.1). A mapping trained at another rate is labelled
 * with it ({@code LE(1,0.9), 2η}); rows that the preset lacks follow. The best cell is marked
 * over the whole column, and each mapping's difference is to the original at its own rate.
 */
final class Table1Layout implements Layout {

    private final double eta;
    private final Column column;
    private final List<List<String>> rows;

    Table1Layout(SweepSpec spec) {
        this.eta = spec.cells().stream()
                .filter(c -> !ResultsTable.ORIGINAL.equals(PaperLayouts.setting(spec, c, "vdm")))
                .mapToDouble(c -> (Double) PaperLayouts.setting(spec, c, "lr"))
                .findFirst().orElseThrow(() -> new IllegalStateException("preset table1 has no mapping"));
        this.column = new Column("", "1η = " + SettingsSchema.text(eta));
        this.rows = spec.cells().stream()
                .map(c -> List.of(label((String) PaperLayouts.setting(spec, c, "vdm"),
                        (Double) PaperLayouts.setting(spec, c, "lr"))))
                .toList();
    }

    @Override
    public List<String> rowSettings() {
        return List.of("vdm", "lr");
    }

    @Override
    public List<String> columnSettings() {
        return List.of();
    }

    @Override
    public List<String> rowHeader() {
        return List.of("method");
    }

    @Override
    public Place place(Map<String, Object> settings) {
        return new Place(List.of(label((String) settings.get("vdm"), (Double) settings.get("lr"))), column, "", 0);
    }

    @Override
    public List<List<String>> fixedRows() {
        return rows;
    }

    @Override
    public List<Column> fixedColumns() {
        return List.of(column);
    }

    @Override
    public boolean bestAcrossRows() {
        return true;
    }

    @Override
    public String title() {
        return "Table 1: the original model at learning rates 0.5η to 5η, and mappings at η";
    }

    /** {@code 0.5η} for the original, the mapping for a mapping at η, {@code LE(1,0.9), 2η} at another rate. */
    private String label(String vdm, double lr) {
        // Six decimals: the multiple as the paper writes it, without the binary noise of lr / η.
        String multiple = SettingsSchema.text(Math.round(lr / eta * 1e6) / 1e6) + "η";
        if (ResultsTable.ORIGINAL.equals(vdm)) {
            return multiple;
        }
        return lr == eta ? vdm : vdm + ", " + multiple;
    }
}
