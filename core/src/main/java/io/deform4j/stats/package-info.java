/** Summary statistics over repeated measurements (medians and quantiles over seeds or epochs). */
package io.deform4j.stats;
