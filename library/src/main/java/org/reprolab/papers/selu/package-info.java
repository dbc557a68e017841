/**
 * Klambauer, Unterthiner, Mayr and Hochreiter (2017), "Self-normalizing neural networks",
 * <a href="https://arxiv.org/abs/1706.02515">arXiv:1706.02515</a>.
 *
 * <p>Implemented:
 * <ol>
 *   <li>SELU: selu(x) = λx for x &gt; 0, λα(eˣ − 1) otherwise (Eq. 2; DJL's {@code Activation.selu}).</li>
 *   <li>The moment map g: (μ, ν) ↦ (μ̃, ν̃) for z ~ N(μω, ντ) (Eqs. 4-5 in closed form), its Jacobian and
 *       the largest spectral norm on Theorem 1's domain: {@link org.reprolab.papers.selu.SeluMomentMap}.</li>
 *   <li>λ₀₁ and α₀₁ as the solution of g(0, 1) = (0, 1) for ω = 0, τ = 1:
 *       {@link org.reprolab.papers.selu.SeluConstants}.</li>
 *   <li>Alpha-dropout: dropped units set to α′ = −λα, then an affine a·x + b restoring mean and variance:
 *       {@link org.reprolab.papers.selu.AlphaDropout}.</li>
 *   <li>Mean and variance propagated through random LeCun-normal layers:
 *       {@link org.reprolab.papers.selu.SignalPropagation}.</li>
 * </ol>
 * {@link org.reprolab.papers.selu.SeluFigures} draws the figures.
 */
package org.reprolab.papers.selu;
