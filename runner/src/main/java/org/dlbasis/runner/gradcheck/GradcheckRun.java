package org.dlbasis.runner.gradcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.match.TensorMatchers;
import org.dlbasis.tck.oracle.NumericalGradient;
import org.dlbasis.tck.oracle.NumericalGradient.Comparison;
import org.dlbasis.tck.oracle.NumericalGradient.Judgement;

/**
 * Compares a backward pass with central differences of the same implementation's cost
 * (SPEC BACKPROP-7): per parameter tensor, every coordinate, a sample of them, or random
 * directions; with kink probes set aside and, on failure, a diagnosis.
 *
 * <p>The judgement is {@link NumericalGradient.Comparison}'s: a non-finite entry fails by itself
 * and is named, and the norms cannot overflow. Memory is O(parameters): per entry only g̃ is kept
 * (for the diagnosis), the worst entries are kept as they come ({@link WorstEntries}), and the
 * chart gets at most {@value #CHART_POINTS} points.
 */
public final class GradcheckRun {
    private static final int CHART_POINTS = 4000;

    private final GradcheckModel model;
    private final GradcheckConfig config;
    private final CoordinateCost costs;
    private double baseCost = Double.NaN;

    /**
     * A check of {@code model} as {@code config} says.
     *
     * @param model the model to check
     * @param config how coordinates are chosen, eps and threshold
     * @param costs the cost with one coordinate moved ({@link CoordinateCost#plain}, or an incremental one)
     */
    public GradcheckRun(GradcheckModel model, GradcheckConfig config, CoordinateCost costs) {
        this.model = model;
        this.config = config;
        this.costs = costs;
    }

    /**
     * Runs the check. If the implementation fails (raises, crashes, times out, answers nonsense)
     * the run stops there and the report carries its error, with the blocks finished before it.
     *
     * @param implementation the implementation's name, for the report
     * @return the report: one block per parameter tensor (or one for the directions), and the verdict
     */
    public GradcheckReport run(String implementation) {
        long start = System.nanoTime();
        List<BlockResult> blocks = new ArrayList<>();
        String error = null;
        try {
            baseCost = model.cost(model.parameters());
            if (!Double.isFinite(baseCost)) {
                error = "the cost J(θ) at the checked point is " + baseCost + ": no central difference can be judged";
            } else {
                checkAll(model.gradients(), blocks);
            }
        } catch (ImplementationError e) {
            error = e.getMessage();
        }
        boolean pass = error == null && !blocks.isEmpty() && blocks.stream().allMatch(BlockResult::pass);
        return new GradcheckReport(
                implementation,
                GradcheckReport.Setup.of(config),
                baseCost,
                blocks,
                pass,
                error,
                (System.nanoTime() - start) / 1_000_000);
    }

    private void checkAll(Map<String, Tensor> gradients, List<BlockResult> blocks) {
        if (config.mode() == GradcheckConfig.Mode.DIRECTIONAL) {
            blocks.add(directional(gradients));
            return;
        }
        for (String name : model.names()) {
            blocks.add(block(name, model.parameters().get(name), gradients.get(name)));
        }
    }

    /** The rounding floor of one central difference (SPEC GRADCHECK): 16u·max(1, |J|)/eps. */
    private double floor() {
        return NumericalGradient.roundingFloor(baseCost, config.eps());
    }

    private double numeric(String name, int flat, double eps) {
        return (costs.cost(name, flat, eps) - costs.cost(name, flat, -eps)) / (2 * eps);
    }

    private BlockResult block(String name, Tensor theta, Tensor analytic) {
        if (analytic == null || !analytic.shape().equals(theta.shape())) {
            return shapeMismatch(name, theta, analytic);
        }
        int[] coordinates = coordinates(theta.size(), name);
        int[] judged = new int[coordinates.length];
        int count = 0;
        double[] numeric = new double[theta.size()];
        GradcheckModel.KinkProbe kinks = model.kinks();
        for (int flat : coordinates) {
            if (kinks == null || !kinks.nearKink(name, flat, config.eps())) {
                numeric[flat] = numeric(name, flat, config.eps());
                judged[count++] = flat;
            }
        }
        return judge(name, theta, analytic, numeric, Arrays.copyOf(judged, count), coordinates.length - count);
    }

    private int[] coordinates(int size, String name) {
        if (config.mode() == GradcheckConfig.Mode.FULL || config.samples() >= size) {
            int[] all = new int[size];
            Arrays.setAll(all, i -> i);
            return all;
        }
        Random r = new Random(config.seed() ^ name.hashCode());
        return r.ints(0, size).distinct().limit(config.samples()).sorted().toArray();
    }

    /**
     * The judged coordinates against their central differences; a backward value that is not
     * finite fails the block even where it was not judged (sampled out, or near a kink).
     */
    private BlockResult judge(
            String name, Tensor theta, Tensor analytic, double[] numeric, int[] judged, int nearKink) {
        Comparison comparison = new Comparison();
        WorstEntries worst = new WorstEntries();
        double[] errors = new double[Math.min(judged.length, CHART_POINTS)];
        for (int k = 0; k < judged.length; k++) {
            int flat = judged[k];
            comparison.add(flat, analytic.flat(flat), numeric[flat]);
            worst.offer(flat, analytic.flat(flat), numeric[flat]);
            if (k < errors.length) {
                errors[k] = entryError(analytic.flat(flat), numeric[flat]);
            }
        }
        Unjudged unjudged = Unjudged.scan(theta, analytic, judged);
        List<String> diagnosis = new ArrayList<>();
        if (comparison.nonFinite() > 0) {
            diagnosis.add(comparison.describeNonFinite(flat -> index(theta, flat)));
        }
        diagnosis.addAll(unjudged.named());
        List<double[]> sweep = List.of();
        if (!comparison.finitePairsPass(config.threshold(), floor())) {
            diagnosis.addAll(Diagnosis.of(theta, analytic, numeric, judged, judged.length == theta.size(), config.m()));
            sweep = worst.worstFinite().stream()
                    .mapToObj(flat -> sweep(name, analytic, flat))
                    .findFirst()
                    .orElse(List.of());
        }
        Judgement j = unjudged.failing(comparison.judge(config.threshold(), floor()));
        return new BlockResult(
                name,
                theta.shape().toString(),
                nearKink,
                j,
                worst.entries(flat -> index(theta, flat)),
                errors,
                diagnosis,
                sweep);
    }

    /**
     * Backward values that are not finite at coordinates the central differences did not judge:
     * how many, and the first few by index and value.
     */
    private record Unjudged(int count, List<String> named) {
        private static final int NAMED = 3;

        /** Scans {@code analytic} outside {@code judged} (sorted flat indices). */
        static Unjudged scan(Tensor theta, Tensor analytic, int[] judged) {
            List<String> named = new ArrayList<>();
            int count = 0;
            int next = 0;
            for (int flat = 0; flat < analytic.size(); flat++) {
                if (next < judged.length && judged[next] == flat) {
                    next++;
                } else if (!Double.isFinite(analytic.flat(flat)) && count++ < NAMED) {
                    named.add(NumericalGradient.describe(index(theta, flat), analytic.flat(flat), Double.NaN));
                }
            }
            if (count > NAMED) {
                named.add("and " + (count - NAMED) + " more non-finite backward values");
            }
            return new Unjudged(count, named);
        }

        /** {@code j}, failed and with these counted, if there are any. */
        Judgement failing(Judgement j) {
            return count == 0
                    ? j
                    : new Judgement(
                            j.checked(),
                            j.nonFinite() + count,
                            j.maxAbsDiff(),
                            j.diffNorm(),
                            j.relativeDifference(),
                            j.allowed(),
                            false);
        }
    }

    private static String index(Tensor theta, int flat) {
        return TensorMatchers.multiIndex(theta.shape(), flat);
    }

    /** |g − g̃| / (|g| + |g̃|), each divided by the larger first so that it cannot overflow; NaN if not finite. */
    static double entryError(double a, double n) {
        if (!Double.isFinite(a) || !Double.isFinite(n)) {
            return Double.NaN;
        }
        double s = Math.max(Math.abs(a), Math.abs(n));
        return s == 0 ? 0 : Math.abs(a / s - n / s) / (Math.abs(a / s) + Math.abs(n / s));
    }

    /** |g − g̃(eps)| of one entry for eps = 1e−1 … 1e−10: rounding falls then rises, a bug stays flat. */
    private List<double[]> sweep(String name, Tensor analytic, int flat) {
        List<double[]> points = new ArrayList<>();
        for (int e = 1; e <= 10; e++) {
            double eps = Math.pow(10, -e);
            points.add(new double[] {eps, Math.abs(analytic.flat(flat) - numeric(name, flat, eps))});
        }
        return points;
    }

    private BlockResult shapeMismatch(String name, Tensor theta, Tensor analytic) {
        String found = analytic == null ? "no gradient" : "a gradient of shape " + analytic.shape();
        List<String> diagnosis = new ArrayList<>();
        diagnosis.add("the backward pass returned " + found + " for " + name + " of shape " + theta.shape());
        if (analytic != null
                && analytic.rank() == 2
                && theta.rank() == 2
                && analytic.shape().dim(0) == theta.shape().dim(1)
                && analytic.shape().dim(1) == theta.shape().dim(0)) {
            diagnosis.add("its shape is the transpose: a transposed gradient (e.g. X dZᵀ for dZ Xᵀ)");
        }
        if (analytic != null && analytic.rank() == 1 && analytic.size() == theta.size()) {
            diagnosis.add("a rank-1 gradient: np.sum without keepdims=True");
        }
        Judgement none = new Judgement(0, 0, Double.NaN, Double.NaN, Double.NaN, 0, false);
        return new BlockResult(name, theta.shape().toString(), 0, none, List.of(), new double[0], diagnosis, List.of());
    }

    /**
     * Random unit directions v over all parameters: (J(θ+eps·v) − J(θ−eps·v))/(2eps) against g·v.
     * Non-finite backward values are named first: a projection cannot say which entry it was.
     */
    private BlockResult directional(Map<String, Tensor> gradients) {
        for (String name : model.names()) {
            Tensor theta = model.parameters().get(name);
            Tensor g = gradients.get(name);
            if (g == null || !g.shape().equals(theta.shape())) {
                return shapeMismatch(name, theta, g);
            }
        }
        Unjudged backward = nonFiniteBackward(gradients);
        Random r = new Random(config.seed() + 17);
        double[] errors = new double[Math.min(config.samples(), CHART_POINTS)];
        Comparison comparison = new Comparison();
        WorstEntries worst = new WorstEntries();
        for (int d = 0; d < config.samples(); d++) {
            Map<String, Tensor> v = direction(r);
            double gv = 0;
            for (String name : model.names()) {
                Tensor g = gradients.get(name);
                for (int i = 0; i < g.size(); i++) {
                    gv += g.flat(i) * v.get(name).flat(i);
                }
            }
            double numeric =
                    (model.cost(shifted(v, config.eps())) - model.cost(shifted(v, -config.eps()))) / (2 * config.eps());
            comparison.add(d, gv, numeric);
            worst.offer(d, gv, numeric);
            if (d < errors.length) {
                errors[d] = entryError(gv, numeric);
            }
        }
        Judgement j = backward.failing(comparison.judge(config.threshold(), floor()));
        List<String> diagnosis = new ArrayList<>(backward.named());
        if (comparison.nonFinite() > 0) {
            diagnosis.add(comparison.describeNonFinite(d -> "direction " + d));
        }
        if (!comparison.finitePairsPass(config.threshold(), floor())) {
            diagnosis.add("a directional check cannot say which tensor is wrong: rerun with --mode full");
        }
        return new BlockResult(
                "directions",
                "(" + config.samples() + " random unit directions)",
                0,
                j,
                worst.entries(d -> "direction " + d),
                errors,
                diagnosis,
                List.of());
    }

    /** Every tensor's non-finite backward values (a projection g·v cannot say which entry it was). */
    private Unjudged nonFiniteBackward(Map<String, Tensor> gradients) {
        List<String> named = new ArrayList<>();
        int count = 0;
        for (String name : model.names()) {
            Unjudged u = Unjudged.scan(model.parameters().get(name), gradients.get(name), new int[0]);
            count += u.count();
            u.named().forEach(line -> named.add(name + ": " + line));
        }
        return new Unjudged(count, named);
    }

    private Map<String, Tensor> direction(Random r) {
        Map<String, Tensor> v = new LinkedHashMap<>();
        double norm2 = 0;
        for (String name : model.names()) {
            Tensor t = model.parameters().get(name);
            double[] values = new double[t.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.nextGaussian();
                norm2 += values[i] * values[i];
            }
            v.put(name, Tensor.of(t.shape(), values));
        }
        double norm = Math.sqrt(norm2);
        v.replaceAll((k, t) -> t.map(x -> x / norm));
        return v;
    }

    private Map<String, Tensor> shifted(Map<String, Tensor> v, double eps) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : model.names()) {
            Tensor t = model.parameters().get(name);
            double[] values = t.toArray();
            for (int i = 0; i < values.length; i++) {
                values[i] += eps * v.get(name).flat(i);
            }
            out.put(name, Tensor.of(t.shape(), values));
        }
        return out;
    }
}
