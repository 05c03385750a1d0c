/** File output that survives a crash: atomic replacement of whole files. */
package io.deform4j.io;
