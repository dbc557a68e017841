/**
 * Alessandro Salatiello, Martin A. Giese (2020), "RNN learning of performance and intrinsic population dynamics
 * from sparse neural data", <a href="https://arxiv.org/abs/2005.02211">arXiv:2005.02211</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>TODO: the paper's first idea, with its equation and the class that implements it.</li>
 * </ol>
 */
package org.reprolab.papers.rnnsparsedata;
