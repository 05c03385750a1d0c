/** What a researcher reads: tables, CSV and JSON of results, and plots (XChart). */
package io.deform4j.report;
