/** Special functions and small numerical tools in double precision (the JDK has no erf). */
package org.reprolab.math;
