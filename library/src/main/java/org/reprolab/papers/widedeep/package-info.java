/**
 * Radhakrishnan, Belkin and Uhler (2023), "Wide and deep neural networks achieve optimality for
 * classification", PNAS 120(14); <a href="https://arxiv.org/abs/2204.14126">arXiv:2204.14126</a>.
 *
 * <p>Implemented (equation numbering ours):
 * <ol>
 *   <li>Dual activations ξ(ρ) = E[φ(u)φ(v)] as objects with ξ, ξ′ and their activation φ:
 *       {@link org.reprolab.papers.widedeep.DualActivation}; polynomial duals from Hermite coefficients,
 *       φ = Σ a_k He_k/√(k!) ⇔ ξ = Σ a_k² ρᵏ (Eq. 1), including the paper's optimal duals for S¹, S², S⁴, S⁸:
 *       {@link org.reprolab.papers.widedeep.HermiteDual}; erf, ReLU and sine:
 *       {@link org.reprolab.papers.widedeep.Duals}.</li>
 *   <li>The depth-L NNGP and NTK recursions ρ_l = ξ(ρ_{l−1}), K_l = ξ(ρ_{l−1}) + K_{l−1}ξ′(ρ_{l−1}) (Eqs. 2a-2b),
 *       in log space with closed-form tails, so depths of 10⁶ are exact and cheap:
 *       {@link org.reprolab.papers.widedeep.DeepKernel}, {@link org.reprolab.papers.widedeep.SignedLog},
 *       {@link org.reprolab.papers.widedeep.LogKernelMatrix}.</li>
 *   <li>The infinite-depth taxonomy (1-NN, singular kernel with α = 2 ln(1/ξ′(0))/ln ξ′(1) (Eq. 3), majority
 *       vote): {@link org.reprolab.papers.widedeep.DualActivation#regime()}.</li>
 *   <li>Classifiers: interpolating kernel regression, kernel sum, 1-NN, majority vote, Hilbert (Devroye)
 *       kernel, the classical classifier each regime predicts ({@code limit}), and out-of-split predictions on
 *       real data projected onto the sphere: {@link org.reprolab.papers.widedeep.KernelClassifiers}.</li>
 *   <li>The two-class Dirichlet data on the sphere and its Bayes classifier:
 *       {@link org.reprolab.papers.widedeep.DirichletSphere}.</li>
 *   <li>The reproduction's figures and tables (kernel shapes, fitted exponents, agreement against depth, accuracy
 *       against n), shared with its notebook: {@link org.reprolab.papers.widedeep.WideDeepFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.widedeep;
