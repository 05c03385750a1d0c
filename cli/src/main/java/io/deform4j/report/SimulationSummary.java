package io.deform4j.report;

import io.deform4j.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a report needs of a study's {@code summary.json} ({@link SimulationJson} writes it): the
 * settings and the per-mapping statistics; the per-run objects are not read. Numbers a diverged
 * run made undefined are {@code null} in the file and here.
 *
 * @param study     {@code fig1}, {@code fig4}, {@code fig7} or {@code custom}
 * @param surface   the surface's name and formula in p1, p2
 * @param optimizer the optimizer as the study describes it
 * @param schedule  the learning-rate schedule
 * @param steps     optimizer steps per run
 * @param seed      the seed of the random starts, or null for fixed starts
 * @param note      what the study says about its reading of the paper, or null
 * @param summary   per mapping, the original first
 */
record SimulationSummary(String study, SurfaceName surface, String optimizer, String schedule, int steps, Long seed,
        String note, List<MappingSummary> summary) {

    /** The surface: its name and its formula. */
    record SurfaceName(String name, String formula) {
    }

    /**
     * The statistics of one mapping's runs.
     *
     * @param medianMaxEigenvalue median over runs of λ_max of the original surface's Hessian at the end
     * @param flatterThanOriginal starts from which the run ended flatter than the original's (null for the original)
     * @param compared            starts where both runs ended defined (null for the original)
     */
    record MappingSummary(String vdm, int runs, int diverged, Double medianMaxEigenvalue, Double meanMaxEigenvalue,
            Double medianLoss, Integer flatterThanOriginal, Integer compared) {
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException if it cannot be read or is not a study's summary (the message names the file)
     */
    static SimulationSummary read(Path file) throws IOException {
        SimulationSummary s;
        try {
            s = Json.MAPPER.readValue(file.toFile(), SimulationSummary.class);
        } catch (IOException e) {
            throw new IOException(file + " is not a readable simulation summary: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        if (s.study() == null || s.summary() == null) {
            throw new IOException(file + " has no 'study' or 'summary': it is not the summary.json of deform4j simulate");
        }
        return s;
    }
}
