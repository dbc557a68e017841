/**
 * Ghasemlou (2026), "Dopamine: brain modes, not brains", <a href="https://arxiv.org/abs/2602.11726">
 * arXiv:2602.11726</a>: adapt a frozen network to a new mode by learning only a threshold and a gain per neuron.
 *
 * <p>Implemented:
 * <ol>
 *   <li>The per-neuron gate, smooth in training and hardened at inference:
 *       {@link org.reprolab.papers.dopamine.TauGate}.</li>
 *   <li>The LoRA baseline on a frozen linear layer: {@link org.reprolab.papers.dopamine.LoraLinear}.</li>
 *   <li>The foundation MLP and its gated and LoRA copies, trainable-parameter counts and the share of open gates:
 *       {@link org.reprolab.papers.dopamine.ModeNets}.</li>
 *   <li>Image rotation by bilinear interpolation (the rotated mode):
 *       {@link org.reprolab.papers.dopamine.Rotation}.</li>
 *   <li>The figures: {@link org.reprolab.papers.dopamine.DopamineFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.dopamine;
