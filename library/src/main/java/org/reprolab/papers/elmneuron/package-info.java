/**
 * Aaron Spieler, Nasim Rahaman, Georg Martius, Bernhard Schölkopf, Anna Levina (2024), "The Expressive Leaky Memory
 * Neuron: an Efficient and Expressive Phenomenological Neuron Model Can Solve Long-Horizon Tasks", <a
 * href="https://arxiv.org/abs/2306.16922">arXiv:2306.16922</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>The ELM neuron (v1: one synaptic trace per input): synaptic traces, the MLP's bounded memory update and
 *       leaky memory units with timescales in [τ_min, τ_max], learnable: {@link
 *       org.reprolab.papers.elmneuron.ElmNeuron}.</li>
 *   <li>The LSTM baseline with a last-step readout and its closed-form parameter count: {@link
 *       org.reprolab.papers.elmneuron.LstmClassifier}.</li>
 *   <li>A delayed-recall task with a controllable delay (ours): {@link
 *       org.reprolab.papers.elmneuron.DelayedRecall}.</li>
 *   <li>The figures: {@link org.reprolab.papers.elmneuron.ElmNeuronFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.elmneuron;
