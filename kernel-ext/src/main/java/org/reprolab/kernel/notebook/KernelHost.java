package org.reprolab.kernel.notebook;

import java.nio.file.Path;
import java.util.List;

/**
 * What the IJava-style magics ({@code %classpath}, {@code %maven}, {@code %load}, {@code %time}) need from the
 * kernel they run in: its JShell. Reprolab's kernel implements it; in a stock JJava kernel these magics are not
 * registered, and the kernel does its own routing of displays and progress.
 */
public interface KernelHost {

    /** Adds jars or folders to the class path of cells and loads the JJava extensions they carry. */
    void addToClasspath(List<Path> paths);

    /** Runs a cell's text (code and magics) inside the running cell; returns its value or {@code NO_VALUE}. */
    Object runNested(String code) throws Exception;
}
