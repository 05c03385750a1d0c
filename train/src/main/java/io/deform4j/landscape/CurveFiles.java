package io.deform4j.landscape;

import io.deform4j.io.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The CSV files of {@code deform4j landscape} ({@link Csv}: numbers in full precision, NaN as
 * {@code NaN}): {@code curve.csv} ({@link CurvePoint}) and {@code surface.csv} ({@link SurfacePoint}).
 */
public final class CurveFiles {

    /**
     * A row of {@code curve.csv}: {@code model,alpha,train_loss,train_acc,test_loss,test_acc}.
     *
     * @param model the curve's name (run directory, or {@code A->B} for an interpolation)
     * @param alpha the step along the direction
     */
    public record CurvePoint(String model, double alpha, double trainLoss, double trainAcc, double testLoss,
            double testAcc) {

        static CurvePoint of(LossCurve.Point p) {
            return new CurvePoint(p.model(), p.alpha(), p.train().loss(), p.train().accuracy(), p.test().loss(),
                    p.test().accuracy());
        }
    }

    /** A row of {@code surface.csv}: {@code x,y,train_loss,train_acc,test_loss,test_acc}. */
    public record SurfacePoint(double x, double y, double trainLoss, double trainAcc, double testLoss,
            double testAcc) {

        static SurfacePoint of(LossSurface.Point p) {
            return new SurfacePoint(p.x(), p.y(), p.train().loss(), p.train().accuracy(), p.test().loss(),
                    p.test().accuracy());
        }
    }

    private CurveFiles() {
    }

    /** Writes the points of one or more curves, in order. */
    public static void writeCurves(Path file, List<LossCurve.Point> points) throws IOException {
        Csv.write(file, CurvePoint.class, points.stream().map(CurvePoint::of).toList());
    }

    /** Writes a surface, row by row. */
    public static void writeSurface(Path file, LossSurface.Result surface) throws IOException {
        Csv.write(file, SurfacePoint.class, surface.points().stream().map(SurfacePoint::of).toList());
    }
}
