/**
 * Peiyu Liu, Jianhao Ding, Zhaofei Yu (2026), "Deep normalization-free spiking neural networks with lateral
 * inhibition", <a href="https://arxiv.org/abs/2509.23253">arXiv:2509.23253</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>The E-I layer: excitatory and inhibitory populations with non-negative weights, subtractive inhibition
 *       I_bal = W_EE x − W_EI W_IE x and divisive inhibition I = g_E I_bal / (W_EI (g_I ⊙ W_IE x)) + b_E (Eqs. 1-4),
 *       E-I Init from the input's moments (Eq. 54 for g_I) and E-I Prop (W_EI's gradient divided by d, zero shunts
 *       replaced, the non-negativity clamp): {@link org.reprolab.papers.eisnn.EiLinear}.</li>
 *   <li>The three deep spiking MLPs compared (E-I without normalisation, batch normalisation, plain), E-I Init
 *       through the layers and the currents of each layer: {@link org.reprolab.papers.eisnn.EiSnn}, on the shared
 *       {@link org.reprolab.spiking.DeepSpikingMlp}.</li>
 *   <li>The figures: {@link org.reprolab.papers.eisnn.EiSnnFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.eisnn;
