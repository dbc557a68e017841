/** Charts as PNG, tables as HTML and CSV, result files and the offline HTML report. */
package org.reprolab.report;
