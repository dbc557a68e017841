/**
 * Antonis Antoniades, Yiyi Yu, Joseph Canzano, William Wang, Spencer LaVere Smith (2024), "Neuroformer: Multimodal
 * and Multitask Generative Pretraining for Brain Data", <a
 * href="https://arxiv.org/abs/2311.00136">arXiv:2311.00136</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>TODO: the paper's first idea, with its equation and the class that implements it.</li>
 * </ol>
 */
package org.reprolab.papers.neuroformer;
