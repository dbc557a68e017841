/**
 * Joseph D. Monaco, Kanaka Rajan, Grace M. Hwang (2021), "A brain basis of dynamical intelligence for AI and
 * computational neuroscience", <a href="https://arxiv.org/abs/2105.07284">arXiv:2105.07284</a>: a perspective
 * with no number, made concrete in a concept notebook.
 *
 * <p>Implemented (none of it is the paper's; it illustrates the paper's "synchrony"):
 * <ol>
 *   <li>{@link org.reprolab.papers.braindynamics.Kuramoto}: the Kuramoto model of all-to-all coupled phase
 *       oscillators in its mean-field form, its order parameter r e^{iψ}, Lorentzian frequencies, the critical
 *       coupling K_c = 2/(π g(0)) and the stationary r∞ = sqrt(1 − K_c/K).</li>
 *   <li>{@link org.reprolab.papers.braindynamics.BrainDynamicsFigures}: r(t), r against K beside the closed form,
 *       and the locked and drifting phases.</li>
 * </ol>
 */
package org.reprolab.papers.braindynamics;
