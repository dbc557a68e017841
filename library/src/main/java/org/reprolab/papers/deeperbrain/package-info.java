/**
 * Jiquan Wang, Sha Zhao, Yangxuan Zhou, Yiming Kang, Shijian Li, Gang Pan (2026), "DeeperBrain: a
 * neuro-grounded EEG foundation model towards universal BCI", <a
 * href="https://arxiv.org/abs/2601.06134">arXiv:2601.06134</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>A synthetic EEG stand-in with planted spectra, sources (volume-conduction lead field) and events:
 *       {@link org.reprolab.papers.deeperbrain.SyntheticEeg}.</li>
 *   <li>Neurodynamics statistics, the NSP targets (band powers, functional connectivity, spectral entropy):
 *       {@link org.reprolab.papers.deeperbrain.NeuroStatistics}.</li>
 *   <li>Pretraining by masked EEG reconstruction, with or without NSP:
 *       {@link org.reprolab.papers.deeperbrain.EegPretraining}; the frozen linear probe:
 *       {@link org.reprolab.papers.deeperbrain.LinearProbe}; figures:
 *       {@link org.reprolab.papers.deeperbrain.DeeperBrainFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.deeperbrain;
