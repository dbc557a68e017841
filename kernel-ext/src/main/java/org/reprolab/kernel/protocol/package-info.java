/**
 * The kernel's Jupyter side (messaging protocol v5.3) on top of jjava-jupyter 1.0-a6: the shell and control
 * channel loops, the handlers of the requests jjava gets wrong or lacks (execute, kernel_info, history,
 * interrupt, shutdown, comm_info), their reply contents, and the history of executed cells.
 */
package org.reprolab.kernel.protocol;
