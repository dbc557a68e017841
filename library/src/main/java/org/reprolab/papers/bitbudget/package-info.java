/**
 * Guobin Shen, Dongcheng Zhao, Tenglong Li, Jindong Li, Yi Zeng (2024), "Is Conventional SNN Really Efficient? A
 * Perspective from Network Quantization", <a href="https://arxiv.org/abs/2311.10802">arXiv:2311.10802</a>.
 *
 * <p>Implemented (numbering ours; only the abstract was reachable, the rest is our reconstruction):
 * <ol>
 *   <li>The integrate-and-fire neuron as a quantiser: T steps of b_s-bit spikes with reset by subtraction emit
 *       ⌊T I/θ⌋ spike units, a uniform quantiser with T(2^{b_s} − 1) + 1 levels:
 *       {@link org.reprolab.spiking.MultiLevelIf} (shared, in the spiking package).</li>
 *   <li>Uniform symmetric b_w-bit weights with one scale per layer, trained straight-through:
 *       {@link org.reprolab.papers.bitbudget.QuantizedLinear}.</li>
 *   <li>The bit budget B = b_w · b_s · T, the configurations of a grid at fixed budgets, the spiking MLP of a
 *       configuration, and the measured cost of an inference (synaptic operations and bit-operations):
 *       {@link org.reprolab.papers.bitbudget.BitBudget}.</li>
 *   <li>The figures: {@link org.reprolab.papers.bitbudget.BitBudgetFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.bitbudget;
