/**
 * The reproduction of Konstantaropoulos et al. (2025), G2GNet: ensemble-to-ensemble masks against dense and random
 * sparse MLPs on Fashion-MNIST, and Hebbian against random regrowth in dynamic sparse training.
 */
package org.reprolab.reproductions.g2gnet;
