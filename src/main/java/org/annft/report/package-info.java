/**
 * Figures (PNG, drawn with JFreeChart) and the HTML report of a results directory, read back from
 * the Parquet tables the jobs wrote: one class per figure family of the paper (Figs. 4-14,
 * Table I), {@link org.annft.report.Tables} to find and read the tables, and
 * {@link org.annft.report.ReportWriter} for {@code index.html}.
 */
package org.annft.report;
