package org.reprolab.papers.btf;

/**
 * The projection \(P_C\) onto a constraint set \(C \subset \mathbb{R}^d\): the point of C nearest to z in the
 * Euclidean norm, \(P_C(z) = \arg\min_{c \in C} \|c - z\|\). For a nonconvex C the nearest point may not be
 * unique; an implementation returns one of them, deterministically.
 *
 * <p>Projections are the only thing {@link Rrr} needs to know about a problem. A projection must be
 * idempotent, \(P_C(P_C(z)) = P_C(z)\), and return a point of C.
 */
@FunctionalInterface
public interface Projection {

    /**
     * Writes \(P_C(z)\) into {@code out}. {@code z} is not modified; {@code out} has the length of {@code z} and
     * is never the same array as {@code z}.
     */
    void project(double[] z, double[] out);

    /** \(P_C(z)\) in a new array. */
    default double[] apply(double[] z) {
        double[] out = new double[z.length];
        project(z, out);
        return out;
    }
}
