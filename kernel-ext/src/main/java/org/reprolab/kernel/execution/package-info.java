/**
 * Running cells in the kernel's JVM: the JShell evaluator and its execution control and class loader, the
 * cell parser (Java and magics), the worker threads that run user code (interrupts, timeouts), each cell's
 * output streams, the refusal of {@code System.exit}, and how errors are reported.
 */
package org.reprolab.kernel.execution;
