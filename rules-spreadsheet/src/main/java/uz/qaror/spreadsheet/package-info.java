/**
 * Decision tables kept as Excel workbooks. This module brings Apache POI, which Drools needs to read
 * {@code .drl.xls} and {@code .drl.xlsx} tables; with it on the classpath, the engine compiles such tables like CSV
 * ones. Without it, a workbook table is reported as an error naming this module.
 */
package uz.qaror.spreadsheet;
