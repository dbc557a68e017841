/** The {@code reprolab} command line: list, run and report reproductions. */
package org.reprolab.cli;
