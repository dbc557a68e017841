/** The reproduction of He et al. (2024), "MgNO: Efficient Parameterization of Linear Operators via Multigrid". */
package org.reprolab.reproductions.mgno;
