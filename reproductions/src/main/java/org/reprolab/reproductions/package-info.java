/** One reproduction per paper, in a package named after the paper's id. */
package org.reprolab.reproductions;
