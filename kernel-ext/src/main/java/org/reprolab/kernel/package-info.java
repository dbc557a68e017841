/**
 * Reprolab's Jupyter kernel for Java: {@link org.reprolab.kernel.KernelMain} starts it (the kernelspec
 * {@code reprolab-java} runs the shaded jar), {@link org.reprolab.kernel.ReprolabKernel} wires the three parts
 * to jjava-jupyter's {@code BaseKernel}, {@link org.reprolab.kernel.KernelSettings} holds its settings.
 * <ul>
 *   <li>{@link org.reprolab.kernel.protocol}: the Jupyter side. Channels, requests and replies.</li>
 *   <li>{@link org.reprolab.kernel.execution}: running cells. JShell in this JVM, worker threads, output.</li>
 *   <li>{@link org.reprolab.kernel.notebook}: what a notebook sees. Renderers, views, magics, progress bars,
 *       and the JJava extension that brings them to other JJava kernels.</li>
 * </ul>
 * Dependencies point one way: protocol and notebook use execution; execution uses neither.
 */
package org.reprolab.kernel;
