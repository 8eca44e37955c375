package org.dlbasis.benchmarks;

import java.util.Locale;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.runner.gradcheck.CoordinateCost;
import org.dlbasis.runner.gradcheck.GradcheckConfig;
import org.dlbasis.runner.gradcheck.GradcheckModel;
import org.dlbasis.runner.gradcheck.GradcheckReport;
import org.dlbasis.runner.gradcheck.GradcheckRun;
import org.dlbasis.runner.gradcheck.IncrementalCost;
import org.dlbasis.runner.gradcheck.ModelFactory;
import org.dlbasis.spec.api.Activation;

/**
 * A full, every-coordinate gradient check of the course-sized network 12288-7-1 (ReLU hidden,
 * sigmoid output, m = 209): the incremental path against the plain way (two full cost
 * evaluations per coordinate). The plain way over all 86 031 coordinates would take hours, so it
 * is timed on a sample of coordinates and extrapolated, which the output says. Then the same for
 * the course's week-4 deep network 12288-20-7-5-1 (ReLU hidden layers, m = 209, 245 973
 * coordinates, SPEC DEEP-6).
 */
public final class GradcheckBenchmark {
    private GradcheckBenchmark() {}

    public static void main(String[] args) {
        int plainSample = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        ReferenceImplementation ref = new ReferenceImplementation();
        GradcheckConfig full = GradcheckConfig.network(12288, 7, 1, 209, Activation.relu())
                .withSeed(1, 0.01)
                .withMode(GradcheckConfig.Mode.FULL, 1)
                .withFast(true);
        GradcheckModel model = ModelFactory.create(ref, full);
        ModelFactory.Data d = ModelFactory.data(full);
        int coordinates = 12288 * 7 + 7 + 7 + 1;
        GradcheckReport[] last = new GradcheckReport[1];
        Timing fast = Timing.measure(
                1,
                3,
                () -> last[0] = new GradcheckRun(
                                model, full, IncrementalCost.of(model.parameters(), d.x(), d.y(), full.activation()))
                        .run(ref.name()));
        System.out.printf(
                Locale.ROOT,
                "full check, incremental: %s for %d coordinates, verdict %s%n",
                fast,
                coordinates,
                last[0].pass() ? "PASS" : "FAIL");

        GradcheckConfig sample =
                full.withMode(GradcheckConfig.Mode.SAMPLE, plainSample / 4).withFast(false);
        GradcheckModel plainModel = ModelFactory.create(ref, sample);
        Timing plain = Timing.measure(
                0, 3, () -> new GradcheckRun(plainModel, sample, CoordinateCost.plain(plainModel)).run(ref.name()));
        int sampled = Math.min(plainSample / 4, 12288 * 7) + Math.min(plainSample / 4, 7) * 2 + 1;
        double perCoordinate = plain.median() / sampled;
        double extrapolated = perCoordinate * coordinates;
        System.out.printf(
                Locale.ROOT,
                "plain way: %s for %d sampled coordinates = %.4f s per coordinate,"
                        + " extrapolated to %d coordinates: %.0f s%n",
                plain,
                sampled,
                perCoordinate,
                coordinates,
                extrapolated);
        System.out.printf(Locale.ROOT, "ratio plain / incremental: %.0f×%n", extrapolated / fast.median());
        deep(ref, plainSample);
    }

    /** The week-4 network 12288-20-7-5-1: weights N(0, 1)·0.1, so that every layer's gradient is well above the rounding floor. */
    private static void deep(ReferenceImplementation ref, int plainSample) {
        int[] sizes = {12288, 20, 7, 5, 1};
        GradcheckConfig full = GradcheckConfig.deep(sizes, 209, Activation.relu())
                .withSeed(1, 0.1)
                .withMode(GradcheckConfig.Mode.FULL, 1)
                .withFast(true);
        GradcheckModel model = ModelFactory.create(ref, full);
        ModelFactory.Data d = ModelFactory.data(full);
        int coordinates =
                model.parameters().values().stream().mapToInt(t -> t.size()).sum();
        GradcheckReport[] last = new GradcheckReport[1];
        Timing fast = Timing.measure(
                1,
                3,
                () -> last[0] = new GradcheckRun(
                                model, full, IncrementalCost.of(model.parameters(), d.x(), d.y(), full.activation()))
                        .run(ref.name()));
        System.out.printf(
                Locale.ROOT,
                "deep 12288-20-7-5-1, full check, incremental: %s for %d coordinates, verdict %s%n",
                fast,
                coordinates,
                last[0].pass() ? "PASS" : "FAIL");

        GradcheckConfig sample =
                full.withMode(GradcheckConfig.Mode.SAMPLE, plainSample / 8).withFast(false);
        GradcheckModel plainModel = ModelFactory.create(ref, sample);
        Timing plain = Timing.measure(
                0, 3, () -> new GradcheckRun(plainModel, sample, CoordinateCost.plain(plainModel)).run(ref.name()));
        int sampled = model.parameters().values().stream()
                .mapToInt(t -> Math.min(plainSample / 8, t.size()))
                .sum();
        double perCoordinate = plain.median() / sampled;
        double extrapolated = perCoordinate * coordinates;
        System.out.printf(
                Locale.ROOT,
                "deep, plain way: %s for %d sampled coordinates = %.4f s per coordinate,"
                        + " extrapolated to %d coordinates: %.0f s%n",
                plain,
                sampled,
                perCoordinate,
                coordinates,
                extrapolated);
        System.out.printf(Locale.ROOT, "deep, ratio plain / incremental: %.0f×%n", extrapolated / fast.median());
    }
}
