/**
 * Eilers, Memmesheimer and Goedeke (2024), "A generalized neural tangent kernel for surrogate gradient
 * learning", NeurIPS 2024, <a href="https://arxiv.org/abs/2405.15539">arXiv:2405.15539</a>.
 *
 * <p>Implemented (equation numbering ours):
 * <ol>
 *   <li>Activations erf_m, ReLU and sign with their true derivatives, and surrogate derivatives
 *       ({@link org.reprolab.papers.sgntk.Activation}, {@link org.reprolab.papers.sgntk.Derivative}).</li>
 *   <li>Gaussian expectations in closed form: the arcsine kernels of erf and sign, the arc-cosine kernels of
 *       ReLU and its step, E[erf_m′·erf_k′], E[2δ·erf_k′] (finite) and E[2δ·2δ] (infinite on the diagonal);
 *       Gauss–Hermite quadrature for other functions ({@link org.reprolab.papers.sgntk.GaussianExpectations}).</li>
 *   <li>The analytic NNGP kernel Σ, NTK Θ and SG-NTK I of fully connected networks in NTK parametrisation,
 *       Eqs. 1–3 ({@link org.reprolab.papers.sgntk.SgNtk}).</li>
 *   <li>Finite networks with a hand-written backward pass that takes a surrogate derivative: the empirical kernel
 *       J(x)·J̃(x′)ᵀ from per-example gradients (Eq. 4) and surrogate gradient descent (Eq. 5), for an ensemble
 *       of networks at once ({@link org.reprolab.papers.sgntk.SurrogateMlp}).</li>
 *   <li>Kernel regression and its finite-time gradient-descent version with the mean and spread over
 *       initialisations, Eqs. 6–8, and how trained networks' outputs cover its band
 *       ({@link org.reprolab.papers.sgntk.KernelRegression}).</li>
 *   <li>The limit erf_m → sign in closed form: the naive NTK's diagonal growing like m^L, the SG-NTK converging
 *       to the finite I_sign ({@link org.reprolab.papers.sgntk.SignLimit}).</li>
 *   <li>The paper's inputs on the unit circle ({@link org.reprolab.papers.sgntk.CircleInputs}) and its figures and
 *       kernel tables ({@link org.reprolab.papers.sgntk.SgNtkFigures}).</li>
 * </ol>
 */
package org.reprolab.papers.sgntk;
