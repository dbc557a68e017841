/**
 * Neural-operator building blocks shared by the operator papers (MgNO, neural operators in function space):
 * finite-difference PDE solvers that generate data from a seed ({@link org.reprolab.operators.Poisson1d},
 * {@link org.reprolab.operators.Darcy2d}, {@link org.reprolab.operators.PeriodicField}), random input fields
 * ({@link org.reprolab.operators.RandomFields}), resampling between grids ({@link org.reprolab.operators.Resample}),
 * a Fourier layer that works at any resolution ({@link org.reprolab.operators.SpectralConv1d}), baselines
 * ({@link org.reprolab.operators.OperatorNets}) and the relative L2 error with a regression training loop
 * ({@link org.reprolab.operators.OperatorTraining}).
 */
package org.reprolab.operators;
