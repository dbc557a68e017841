package org.reprolab.math;

/**
 * Graph Laplacians L = D − A of undirected graphs on n nodes, and their spectra. The all-to-all graph has
 * eigenvalues 0 and n (n − 1 times); the ring has 2 − 2 cos(2π j / n), j = 0 … n − 1.
 */
public final class GraphLaplacian {

    private GraphLaplacian() {}

    /** L of the complete graph: n − 1 on the diagonal, −1 elsewhere. */
    public static double[][] allToAll(int n) {
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l[i][j] = i == j ? n - 1 : -1;
            }
        }
        return l;
    }

    /** L of the ring (cycle) on n ≥ 3 nodes: 2 on the diagonal, −1 to each neighbour. */
    public static double[][] ring(int n) {
        if (n < 3) {
            throw new IllegalArgumentException("a ring needs at least 3 nodes, got " + n);
        }
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            l[i][i] = 2;
            l[i][(i + 1) % n] = -1;
            l[i][(i + n - 1) % n] = -1;
        }
        return l;
    }

    /** L of the graph with adjacency {@code a} (symmetric, zero diagonal). */
    public static double[][] of(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    l[i][j] = -a[i][j];
                    l[i][i] += a[i][j];
                }
            }
        }
        return l;
    }

    /** The eigenvalues of a Laplacian in increasing order (λ_1 = 0 for a connected graph). */
    public static double[] eigenvalues(double[][] laplacian) {
        return LinearAlgebra.symmetricEigenvalues(laplacian);
    }
}
