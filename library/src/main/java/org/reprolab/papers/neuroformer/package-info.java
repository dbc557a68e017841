/**
 * Antonis Antoniades, Yiyi Yu, Joseph Canzano, William Wang, Spencer LaVere Smith (2024), "Neuroformer: Multimodal
 * and Multitask Generative Pretraining for Brain Data", ICLR 2024, <a
 * href="https://arxiv.org/abs/2311.00136">arXiv:2311.00136</a>.
 *
 * <p>Implemented (numbering ours; the paper's equations are not numbered this way):
 * <ol>
 *   <li>{@link org.reprolab.papers.neuroformer.HawkesNetwork}: the synthetic circuit, a discrete-time Hawkes
 *   (Poisson GLM) network with sparse directed coupling, a sinusoidal stimulus and a speed readout, Eq. (1)–(3).</li>
 *   <li>{@link org.reprolab.papers.neuroformer.SpikeTokens}: spikes of a current window as (neuron-ID, Δt-bin)
 *   tokens with SOS/EOS, and the past window's spikes as context tokens.</li>
 *   <li>{@link org.reprolab.papers.neuroformer.Neuroformer}: a tiny Neuroformer block, causal self-attention over
 *   the current tokens, cross-attention to the past tokens (readable weights), next-ID, next-Δt and speed heads,
 *   Eq. (4)–(5).</li>
 *   <li>{@link org.reprolab.papers.neuroformer.NeuroformerTraining}: generative pretraining and behaviour
 *   fine-tuning, Eq. (6); held-out cross-entropy; the coupling read from attention, Eq. (7).</li>
 *   <li>{@link org.reprolab.papers.neuroformer.TokenBaselines}: the unigram and the rate (independent firing)
 *   token models in closed form, Eq. (8).</li>
 *   <li>{@link org.reprolab.papers.neuroformer.NeuroformerFigures}: loss curves, cross-entropy bars, the coupling
 *   heatmaps and the few-shot decoding chart.</li>
 * </ol>
 */
package org.reprolab.papers.neuroformer;
