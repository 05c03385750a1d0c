/** Help for mistyped names: closest-name suggestions shared by every registry. */
package io.deform4j.naming;
