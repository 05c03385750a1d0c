/**
 * Arithmetic expressions over any number type: a parser ({@link io.deform4j.expression.ExpressionParser}),
 * a tree ({@link io.deform4j.expression.Expr}), checked double arithmetic that never yields NaN,
 * and second-order forward-mode automatic differentiation ({@link io.deform4j.expression.Jet}).
 * User-defined mappings and user-defined simulation surfaces are written in it.
 */
package io.deform4j.expression;
