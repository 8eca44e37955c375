package org.dlbasis.properties.gradcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.dlbasis.properties.match.TensorMatchers;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Compares a backward pass with central differences of the same implementation's cost
 * (SPEC BACKPROP-7): per parameter tensor, every coordinate, a sample of them, or random
 * directions; with kink probes set aside and, on failure, a diagnosis.
 */
public final class GradcheckRun {
    private static final int WORST = 5;
    private static final int CHART_POINTS = 4000;
    private static final double U = 0x1p-53;

    private final GradcheckModel model;
    private final GradcheckConfig config;
    private final CoordinateCost costs;
    private final double baseCost;

    public GradcheckRun(GradcheckModel model, GradcheckConfig config, CoordinateCost costs) {
        this.model = model;
        this.config = config;
        this.costs = costs;
        this.baseCost = model.cost(model.parameters());
    }

    public GradcheckReport run(String implementation) {
        long start = System.nanoTime();
        Map<String, Tensor> gradients = model.gradients();
        List<BlockResult> blocks = new ArrayList<>();
        if (config.mode() == GradcheckConfig.Mode.DIRECTIONAL) {
            blocks.add(directional(gradients));
        } else {
            for (String name : model.names()) {
                blocks.add(block(name, model.parameters().get(name), gradients.get(name)));
            }
        }
        boolean pass = blocks.stream().allMatch(BlockResult::pass);
        String mode = config.mode() + (config.fast() ? " (incremental)" : "");
        return new GradcheckReport(implementation, config.describe(), mode, config.seed(), config.eps(),
                config.threshold(), baseCost, blocks, pass, (System.nanoTime() - start) / 1_000_000);
    }

    /** The rounding floor of one central difference (SPEC GRADCHECK): 16u·max(1, |J|)/eps. */
    private double floor() {
        return 16 * U * Math.max(1, Math.abs(baseCost)) / config.eps();
    }

    private double numeric(String name, int flat, double eps) {
        return (costs.cost(name, flat, eps) - costs.cost(name, flat, -eps)) / (2 * eps);
    }

    private BlockResult block(String name, Tensor theta, Tensor analytic) {
        if (analytic == null || !analytic.shape().equals(theta.shape())) {
            return shapeMismatch(name, theta, analytic);
        }
        int[] coordinates = coordinates(theta.size(), name);
        List<Integer> judged = new ArrayList<>();
        int nearKink = 0;
        double[] numeric = new double[theta.size()];
        GradcheckModel.KinkProbe kinks = model.kinks();
        for (int flat : coordinates) {
            if (kinks != null && kinks.nearKink(name, flat, config.eps())) {
                nearKink++;
                continue;
            }
            numeric[flat] = numeric(name, flat, config.eps());
            judged.add(flat);
        }
        return judge(name, theta, analytic, numeric, judged, nearKink);
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

    private BlockResult judge(String name, Tensor theta, Tensor analytic, double[] numeric, List<Integer> judged,
            int nearKink) {
        double diff2 = 0;
        double g2 = 0;
        double n2 = 0;
        double maxAbs = 0;
        double[] errors = new double[Math.min(judged.size(), CHART_POINTS)];
        List<BlockResult.Entry> entries = new ArrayList<>();
        for (int k = 0; k < judged.size(); k++) {
            int flat = judged.get(k);
            double a = analytic.flat(flat);
            double n = numeric[flat];
            double d = Math.abs(a - n);
            diff2 += d * d;
            g2 += a * a;
            n2 += n * n;
            maxAbs = Math.max(maxAbs, d);
            if (k < errors.length) {
                errors[k] = d == 0 ? 0 : d / (Math.abs(a) + Math.abs(n));
            }
            entries.add(new BlockResult.Entry(TensorMatchers.multiIndex(theta.shape(), flat), a, n, d));
        }
        double norms = Math.sqrt(g2) + Math.sqrt(n2);
        double rel = norms == 0 ? 0 : Math.sqrt(diff2) / norms;
        double allowed = config.threshold() * norms + Math.sqrt(judged.size()) * floor();
        boolean pass = Math.sqrt(diff2) <= allowed;
        entries.sort(Comparator.comparingDouble(BlockResult.Entry::absDiff).reversed());
        List<BlockResult.Entry> worst = List.copyOf(entries.subList(0, Math.min(WORST, entries.size())));
        List<String> diagnosis = pass ? List.of() : Diagnosis.of(theta, analytic, numeric, judged, config.m());
        List<double[]> sweep = pass || judged.isEmpty() ? List.of() : sweep(name, theta, analytic, worst.get(0));
        return new BlockResult(name, theta.shape().toString(), judged.size(), nearKink, maxAbs, rel, allowed, pass,
                worst, errors, diagnosis, sweep);
    }

    /** |g − g̃(eps)| of one entry for eps = 1e−1 … 1e−10: rounding falls then rises, a bug stays flat. */
    private List<double[]> sweep(String name, Tensor theta, Tensor analytic, BlockResult.Entry worst) {
        int flat = flatIndex(theta, worst.index());
        List<double[]> points = new ArrayList<>();
        for (int e = 1; e <= 10; e++) {
            double eps = Math.pow(10, -e);
            points.add(new double[] {eps, Math.abs(analytic.flat(flat) - numeric(name, flat, eps))});
        }
        return points;
    }

    private static int flatIndex(Tensor theta, String index) {
        String[] parts = index.replace("(", "").replace(")", "").split(",");
        int[] strides = theta.shape().strides();
        int flat = 0;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                flat += Integer.parseInt(parts[i]) * strides[i];
            }
        }
        return flat;
    }

    private BlockResult shapeMismatch(String name, Tensor theta, Tensor analytic) {
        String found = analytic == null ? "no gradient" : "a gradient of shape " + analytic.shape();
        List<String> diagnosis = new ArrayList<>();
        diagnosis.add("the backward pass returned " + found + " for " + name + " of shape " + theta.shape());
        if (analytic != null && analytic.rank() == 2 && theta.rank() == 2
                && analytic.shape().dim(0) == theta.shape().dim(1) && analytic.shape().dim(1) == theta.shape().dim(0)) {
            diagnosis.add("its shape is the transpose: a transposed gradient (e.g. X dZᵀ for dZ Xᵀ)");
        }
        if (analytic != null && analytic.rank() == 1 && analytic.size() == theta.size()) {
            diagnosis.add("a rank-1 gradient: np.sum without keepdims=True");
        }
        return new BlockResult(name, theta.shape().toString(), 0, 0, Double.NaN, Double.NaN, 0, false, List.of(),
                new double[0], diagnosis, List.of());
    }

    /** Random unit directions v over all parameters: (J(θ+eps·v) − J(θ−eps·v))/(2eps) against g·v. */
    private BlockResult directional(Map<String, Tensor> gradients) {
        Random r = new Random(config.seed() + 17);
        double[] errors = new double[config.samples()];
        List<BlockResult.Entry> entries = new ArrayList<>();
        double diff2 = 0;
        double gv2 = 0;
        double num2 = 0;
        double maxAbs = 0;
        for (int d = 0; d < config.samples(); d++) {
            Map<String, Tensor> v = direction(r);
            double gv = 0;
            for (String name : model.names()) {
                Tensor g = gradients.get(name);
                if (g == null || !g.shape().equals(model.parameters().get(name).shape())) {
                    return shapeMismatch(name, model.parameters().get(name), g);
                }
                for (int i = 0; i < g.size(); i++) {
                    gv += g.flat(i) * v.get(name).flat(i);
                }
            }
            double numeric = (model.cost(shifted(v, config.eps())) - model.cost(shifted(v, -config.eps())))
                    / (2 * config.eps());
            double diff = Math.abs(gv - numeric);
            diff2 += diff * diff;
            gv2 += gv * gv;
            num2 += numeric * numeric;
            maxAbs = Math.max(maxAbs, diff);
            errors[d] = diff == 0 ? 0 : diff / (Math.abs(gv) + Math.abs(numeric));
            entries.add(new BlockResult.Entry("direction " + d, gv, numeric, diff));
        }
        double norms = Math.sqrt(gv2) + Math.sqrt(num2);
        double rel = norms == 0 ? 0 : Math.sqrt(diff2) / norms;
        double allowed = config.threshold() * norms + Math.sqrt(config.samples()) * floor();
        boolean pass = Math.sqrt(diff2) <= allowed;
        entries.sort(Comparator.comparingDouble(BlockResult.Entry::absDiff).reversed());
        return new BlockResult("directions", "(" + config.samples() + " random unit directions)", config.samples(), 0,
                maxAbs, rel, allowed, pass, List.copyOf(entries.subList(0, Math.min(WORST, entries.size()))), errors,
                pass ? List.of() : List.of("a directional check cannot say which tensor is wrong: rerun with --mode full"),
                List.of());
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
            v.put(name, Tensor.wrap(t.shape(), values));
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
            out.put(name, Tensor.wrap(t.shape(), values));
        }
        return out;
    }
}
