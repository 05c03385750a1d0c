package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables 1-3 laid out as in the paper, from whatever runs exist. */
class PaperLayoutsTest {

    @TempDir
    Path tmp;

    private ResultsTable table(String preset) throws IOException {
        return ResultsTable.build(FoundRuns.find(List.of(tmp)).runs(), PaperLayouts.of(preset), Metric.FINAL);
    }

    private static List<String> firstLabels(ResultsTable t) {
        return t.rows().stream().map(r -> r.labels().get(0)).toList();
    }

    @Test
    void table1IsOneColumnOfLearningRatesAsMultiplesOfEtaThenTheMappingsInThePapersOrder() throws IOException {
        RunFiles.done(tmp.resolve("o05"), Map.of("lr", 0.05, "dataset", "cifar100"), 0.6931);
        RunFiles.done(tmp.resolve("o1"), Map.of("lr", 0.1, "dataset", "cifar100"), 0.6976);
        RunFiles.done(tmp.resolve("ap"), Map.of("lr", 0.1, "vdm", "AP(18/pi,1,2,1)", "dataset", "cifar100"), 0.7067);
        RunFiles.done(tmp.resolve("le"), Map.of("lr", 0.2, "vdm", "LE(1,0.6)", "dataset", "cifar100"), 0.70);

        ResultsTable t = table("table1");

        assertThat(t.title()).startsWith("Table 1");
        assertThat(t.header()).containsExactly("method");
        assertThat(t.columns()).containsExactly(new Layout.Column("", "1η = 0.1"));
        assertThat(firstLabels(t)).containsExactly("0.5η", "1η", "1.5η", "2η", "3η", "4η", "5η", "0.5*l^2",
                "LE(1,0.6)", "LE(1,0.7)", "LE(1,0.9)", "LE(1,0.99)", "AP(5,1,2,1)", "AP(18/pi,1,2,1)",
                "AP(6,1,2,1)", "AP(10,1,2,1)", "LE(1,0.6), 2η");
        ResultsTable.Entry ap = t.rows().get(13).entries().get(0);
        assertThat(ap.diff()).isCloseTo(0.7067 - 0.6976, within(1e-12)); // against the original at η
        assertThat(ap.best()).isTrue(); // best of the whole column
        assertThat(t.rows().get(0).entries().get(0).best()).isFalse();
        assertThat(t.rows().get(2).entries().get(0)).isNull(); // 1.5η: no run, shown empty
        assertThat(t.rows().get(16).entries().get(0).diff()).isNull(); // no original at 2η
    }

    @Test
    void table2PairsOriginalAndDeformedPerDataSetWithModelsInThePapersOrder() throws IOException {
        RunFiles.done(tmp.resolve("r20-c100-o"), Map.of("model", "resnet20", "dataset", "cifar100"), 0.6976);
        RunFiles.done(tmp.resolve("r20-c100-ap"), Map.of("model", "resnet20", "dataset", "cifar100",
                "vdm", "AP(18/pi,1,2,1)"), 0.7067);
        RunFiles.done(tmp.resolve("r20-c100-le"), Map.of("model", "resnet20", "dataset", "cifar100",
                "vdm", "LE(1,0.9)"), 0.69);
        RunFiles.done(tmp.resolve("p20-c10-o"), Map.of("model", "preresnet20", "dataset", "cifar10"), 0.9208);
        RunFiles.done(tmp.resolve("p20-c10-le"), Map.of("model", "preresnet20", "dataset", "cifar10",
                "vdm", "LE(1,0.99)"), 0.9264);
        RunFiles.done(tmp.resolve("r32"), Map.of("model", "resnet32", "dataset", "cifar10"), 0.92);

        ResultsTable t = table("table2");

        assertThat(t.columns()).containsExactly(new Layout.Column("cifar10", "original"),
                new Layout.Column("cifar10", "deformed"), new Layout.Column("cifar100", "original"),
                new Layout.Column("cifar100", "deformed"));
        // the paper's seven models, resnet20 again for its second CIFAR-100 mapping, then a model the paper lacks
        assertThat(firstLabels(t)).containsExactly("preresnet20", "resnet20", "resnet20", "preresnet110", "resnet110",
                "efficientnet_b0", "efficientnet_b1", "se_resnext29_16x64d", "resnet32");
        ResultsTable.Row p20 = t.rows().get(0);
        assertThat(p20.entries().get(1).note()).isEqualTo("LE(1,0.99)");
        assertThat(p20.entries().get(1).best()).isTrue();
        assertThat(p20.entries().get(0).best()).isFalse();
        assertThat(p20.entries().get(2)).isNull();
        ResultsTable.Row r20 = t.rows().get(1);
        assertThat(r20.entries().get(3).note()).isEqualTo("AP(18/pi,1,2,1)"); // the paper's mapping first
        assertThat(r20.entries().get(3).diff()).isCloseTo(0.7067 - 0.6976, within(1e-12));
        ResultsTable.Row r20again = t.rows().get(2);
        assertThat(r20again.entries().get(2)).isNull();
        assertThat(r20again.entries().get(3).note()).isEqualTo("LE(1,0.9)");
        assertThat(r20again.entries().get(3).diff()).isCloseTo(0.69 - 0.6976, within(1e-12));
        assertThat(t.bestAmong()).isEqualTo("row and column group");
    }

    @Test
    void table3IsOneOriginalDeformedPairPerImageNetModel() throws IOException {
        RunFiles.done(tmp.resolve("r34-o"), Map.of("model", "resnet34"), 0.7351);
        RunFiles.done(tmp.resolve("r34-le"), Map.of("model", "resnet34", "vdm", "LE(1,0.6)"), 0.7361);

        ResultsTable t = table("table3");

        assertThat(t.columns()).extracting(Layout.Column::label).containsExactly("original", "deformed");
        assertThat(firstLabels(t)).containsExactly("preresnet18", "resnet18", "resnet34");
        assertThat(t.rows().get(2).entries().get(1).best()).isTrue();
        assertThat(t.rows().get(0).entries()).containsOnlyNulls();
    }

    @Test
    void anUnknownPresetNamesTheClosest() {
        assertThatThrownBy(() -> PaperLayouts.of("tabel2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did you mean 'table2'");
    }
}
