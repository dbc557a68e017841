/**
 * Spiking-network primitives shared by the spiking papers: neurons trained with surrogate gradients, spike
 * encoders, spike counting, and a small spiking classifier with its training loop. A paper's own neurons live in
 * its package and plug into {@link org.reprolab.spiking.SpikingMlp} as its neuron block.
 *
 * <p>Contents:
 * <ol>
 *   <li>The leaky integrate-and-fire neuron with a sigmoid surrogate gradient (stop-gradient form), the usual
 *       baseline: {@link org.reprolab.spiking.SurrogateLif}.</li>
 *   <li>Rate (Bernoulli/"Poisson") coding of static inputs: {@link org.reprolab.spiking.RateEncoding}.</li>
 *   <li>A one-hidden-layer spiking classifier that returns its logits and its mean spike rate (spike counting,
 *       for a sparsity penalty or an energy estimate): {@link org.reprolab.spiking.SpikingMlp}.</li>
 *   <li>Its training with the loss CE + λ·rate, test accuracy and spike rate after every epoch:
 *       {@link org.reprolab.spiking.SpikeTraining}; several networks trained once per seed from the same initial
 *       weights and data, for comparisons paired by seed: {@link org.reprolab.spiking.SpikingComparison}.</li>
 *   <li>The derivative of a neuron layer's spikes and its dead units: {@link org.reprolab.spiking.SpikeGradients}.</li>
 *   <li>A seeded synthetic event dataset in the manner of neuromorphic audio, binned into T frames of event
 *       counts: {@link org.reprolab.spiking.EventPatterns}.</li>
 *   <li>A deep spiking classifier with direct current input and any synaptic block per layer (linear, batch
 *       normalised, a paper's own), with a layer-by-layer trace for data-dependent initialisation:
 *       {@link org.reprolab.spiking.DeepSpikingMlp}.</li>
 *   <li>Pair-based STDP with exponential windows in trace form, and adaptive (homeostatic) thresholds:
 *       {@link org.reprolab.spiking.Stdp}, {@link org.reprolab.spiking.AdaptiveThreshold}.</li>
 * </ol>
 */
package org.reprolab.spiking;
