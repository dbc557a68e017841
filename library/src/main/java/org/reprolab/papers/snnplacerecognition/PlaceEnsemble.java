package org.reprolab.papers.snnplacerecognition;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An ensemble of region-specific modules (the paper's method): module m is trained on the references of its own
 * region only, its neurons are assigned to that region's places, and a query's score for a place is the mean spike
 * count of the neurons assigned to it, compared across all modules; the prediction is the best-scoring place.
 *
 * <p>Regularisation (hyperactive-neuron removal): every module is shown the references of all regions; a neuron
 * whose mean response to references outside its module's region exceeds a threshold is removed (it no longer
 * votes). The threshold is chosen on calibration queries kept apart from the test queries ({@link #calibrate}).
 */
public final class PlaceEnsemble {

    private final List<PlaceModule> modules = new ArrayList<>();
    private final List<int[]> assignment = new ArrayList<>();
    private final List<double[]> outOfRegion = new ArrayList<>();
    private final int placesPerRegion;
    private double removalThreshold = Double.POSITIVE_INFINITY;

    /**
     * Trains one module per region on {@code references} (place p is reference p; region = p / placesPerRegion),
     * assigns its neurons and records every neuron's mean out-of-region response.
     */
    public PlaceEnsemble(double[][] references, int placesPerRegion, int neurons, int steps, int epochs,
            SplittableRandom rng) {
        this.placesPerRegion = placesPerRegion;
        int regions = references.length / placesPerRegion;
        for (int m = 0; m < regions; m++) {
            double[][] own = new double[placesPerRegion][];
            int[] places = new int[placesPerRegion];
            for (int k = 0; k < placesPerRegion; k++) {
                places[k] = m * placesPerRegion + k;
                own[k] = references[places[k]];
            }
            PlaceModule module = new PlaceModule(references[0].length, neurons, steps, rng.split());
            module.train(own, epochs, rng);
            modules.add(module);
            assignment.add(module.assign(own, places, rng));
            double[] out = new double[neurons];
            int others = references.length - placesPerRegion;
            for (int p = 0; p < references.length; p++) {
                if (p / placesPerRegion != m) {
                    int[] c = module.respond(references[p], rng);
                    for (int j = 0; j < neurons; j++) {
                        out[j] += (double) c[j] / others;
                    }
                }
            }
            outOfRegion.add(out);
        }
    }

    /** Places in all regions. */
    public int places() {
        return modules.size() * placesPerRegion;
    }

    /** The region of place p. */
    public int region(int place) {
        return place / placesPerRegion;
    }

    /** Every neuron's mean response to references outside its module's region, module by module. */
    public List<double[]> outOfRegionResponses() {
        return outOfRegion;
    }

    /** Removes (from voting) every neuron whose mean out-of-region response exceeds {@code threshold}; ∞: none. */
    public void setRemovalThreshold(double threshold) {
        this.removalThreshold = threshold;
    }

    /** Neurons removed at the current threshold. */
    public int removed() {
        int n = 0;
        for (double[] out : outOfRegion) {
            for (double r : out) {
                n += r > removalThreshold ? 1 : 0;
            }
        }
        return n;
    }

    /** The spike counts of every module's neurons for one query (one presentation each). */
    public List<int[]> responses(double[] query, SplittableRandom rng) {
        List<int[]> r = new ArrayList<>();
        for (PlaceModule m : modules) {
            r.add(m.respond(query, rng));
        }
        return r;
    }

    /** The best-scoring place for recorded responses at the current removal threshold (−1 if no neuron voted). */
    public int predict(List<int[]> responses) {
        double[] sum = new double[places()];
        int[] voters = new int[places()];
        for (int m = 0; m < modules.size(); m++) {
            int[] a = assignment.get(m);
            int[] c = responses.get(m);
            double[] out = outOfRegion.get(m);
            for (int j = 0; j < a.length; j++) {
                if (a[j] >= 0 && out[j] <= removalThreshold) {
                    sum[a[j]] += c[j];
                    voters[a[j]]++;
                }
            }
        }
        int best = -1;
        double top = -1;
        for (int p = 0; p < sum.length; p++) {
            double score = voters[p] == 0 ? 0 : sum[p] / voters[p];
            if (score > top) {
                top = score;
                best = p;
            }
        }
        return top > 0 ? best : -1;
    }

    /**
     * The removal threshold with the best Recall@1 on calibration queries (their recorded responses and true
     * places), among ∞ (no removal) and every distinct out-of-region response; ties go to the larger threshold
     * (fewer removals). Sets it and returns it.
     */
    public double calibrate(List<List<int[]>> responses, int[] truth) {
        List<Double> candidates = new ArrayList<>();
        candidates.add(Double.POSITIVE_INFINITY);
        for (double[] out : outOfRegion) {
            for (double r : out) {
                candidates.add(r);
            }
        }
        candidates.sort((a, b) -> Double.compare(b, a));
        double best = Double.POSITIVE_INFINITY;
        int bestHits = -1;
        for (double c : candidates) {
            setRemovalThreshold(c);
            int hits = 0;
            for (int q = 0; q < truth.length; q++) {
                hits += predict(responses.get(q)) == truth[q] ? 1 : 0;
            }
            if (hits > bestHits) {
                bestHits = hits;
                best = c;
            }
        }
        setRemovalThreshold(best);
        return best;
    }
}
