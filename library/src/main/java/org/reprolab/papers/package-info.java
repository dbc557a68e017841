/** Library code per paper: one package per paper id, named after it. */
package org.reprolab.papers;
