/**
 * Seyedhamidreza Mousavi, Mohammad Hasan Ahmadilivani, Jaan Raik, Maksim Jenihhin, Masoud Daneshtalab (2024),
 * "ProAct: Progressive training for hybrid clipped activation function to enhance resilience of DNNs",
 * <a href="https://arxiv.org/abs/2406.06313">arXiv:2406.06313</a>.
 *
 * <p>Implemented (numbering ours: the paper's equations were not reachable to us):
 * <ol>
 *   <li>The clipped ReLU \(f_T(x) = \min(\max(x, 0), T)\) with trainable layer-wise or neuron-wise thresholds
 *       (Eq. 1): {@link org.reprolab.papers.proact.ClippedRelu}.</li>
 *   <li>MLPs with plain, layer-wise, neuron-wise and hybrid (HyReLU: neuron-wise only in the last hidden layer)
 *       clipping, and their threshold counts: {@link org.reprolab.papers.proact.ClippedMlp}.</li>
 *   <li>ProAct: thresholds calibrated to the activation maxima, then trained layer by layer with the weights frozen
 *       on a distillation loss plus a threshold penalty (Eq. 2), against joint training of all thresholds:
 *       {@link org.reprolab.papers.proact.ProAct}.</li>
 *   <li>A seeded bit-flip fault injector for float32 weights at a bit error rate:
 *       {@link org.reprolab.papers.proact.BitFlips}.</li>
 *   <li>The figures: {@link org.reprolab.papers.proact.ProActFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.proact;
