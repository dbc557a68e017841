/**
 * What a notebook shows and offers: renderers and HTML views of charts, tables and Reprolab results, the
 * functions every cell imports ({@code display}, {@code clearOutput}, ...), live progress bars, the magics,
 * and the JJava extension ({@code META-INF/services/org.dflib.jjava.jupyter.Extension}) that installs them.
 */
package org.reprolab.kernel.notebook;
