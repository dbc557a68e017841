/** The reproduction of Sun et al. (2024), "A method on searching better activation functions". */
package org.reprolab.reproductions.crrelu;
