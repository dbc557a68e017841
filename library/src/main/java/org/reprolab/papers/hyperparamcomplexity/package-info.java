/**
 * Maria-Florina Balcan, Anh Tuan Nguyen, Dravyansh Sharma (2025), "Sample complexity of data-driven hyperparameter
 * tuning with structured parameter-dependent dual function", <a href="https://arxiv.org/abs/2501.13734">
 * arXiv:2501.13734</a> (NeurIPS 2025).
 *
 * <p>Implemented (numbering ours):
 * <ol>
 *   <li>The activation-interpolation hyperparameter family {@code σ_α = α·ReLU + (1 − α)·tanh}:
 *       {@link org.reprolab.papers.hyperparamcomplexity.InterpolatedActivation}.</li>
 *   <li>The dual function {@code α ↦ u_α(P)} on a grid, and over many tasks: ERM over sampled tasks, the empirical
 *       uniform deviation {@code sup_α |Û_N(α) − U(α)|}, and the number of local extrema and jumps of a curve:
 *       {@link org.reprolab.papers.hyperparamcomplexity.DualFunctions}.</li>
 *   <li>A distribution of small 2-D regression tasks with random teachers:
 *       {@link org.reprolab.papers.hyperparamcomplexity.RegressionTasks}.</li>
 *   <li>The dual function sampled by training a student per task and α:
 *       {@link org.reprolab.papers.hyperparamcomplexity.DualFunctionSampler}.</li>
 *   <li>The figures: {@link org.reprolab.papers.hyperparamcomplexity.HyperparamFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.hyperparamcomplexity;
